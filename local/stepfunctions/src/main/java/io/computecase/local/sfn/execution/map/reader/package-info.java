/**
 * A Distributed Map's ItemReader: an S3 object (a JSON array, JSON Lines or a delimited text file)
 * or a listing, read streaming into compact item texts that are parsed only when a child starts.
 */
package io.computecase.local.sfn.execution.map.reader;
