//go:build !unix

package main

import "os"

// peakRSS is -1: this platform's process usage holds no peak memory that
// benchrun reads.
func peakRSS(*os.ProcessState) int64 { return -1 }
