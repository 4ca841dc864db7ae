package source

import (
	"bufio"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// writeBenchFile writes a payroll-like delimited file of about size bytes:
// a dozen fields a row, some quoted with embedded commas.
func writeBenchFile(b *testing.B, dir string, size int64, encoding bool) string {
	b.Helper()
	path := filepath.Join(dir, "payroll.csv")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	w.WriteString("employee_ref,post,title,forename,surname,dob,ni_number,address_1,address_2,postcode,sort_code,account\r\n")
	var n int64
	line := make([]byte, 0, 256)
	for i := 0; n < size; i++ {
		line = line[:0]
		line = strconv.AppendInt(append(line, 'E'), int64(100000+i), 10)
		line = append(line, ",P1,Mrs,Margaret,"...)
		if encoding {
			line = append(line, "Brontë"...)
		} else {
			line = append(line, "Thompson-Smith"...)
		}
		line = append(line, ",15/03/1980,AB123456C,\"Flat 2, 10 High Street\",Leeds,LS1 1AA,21-11-97,"...)
		line = strconv.AppendInt(line, int64(10000000+i%89999999), 10)
		line = append(line, "\r\n"...)
		w.Write(line)
		n += int64(len(line))
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkDelimited reads a generated ~100 MB file; the figure that matters
// is MB/s (the engine needs well over 100 MB/s from this stage).
func BenchmarkDelimited(b *testing.B) {
	path := writeBenchFile(b, b.TempDir(), 100<<20, false)
	st, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("ReadBatch", func(b *testing.B) {
		b.SetBytes(st.Size())
		b.ReportAllocs()
		var batch Batch
		for b.Loop() {
			r, err := Open(path, Options{})
			if err != nil {
				b.Fatal(err)
			}
			for {
				err = r.ReadBatch(&batch, DefaultBatch)
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					b.Fatal(err)
				}
			}
			r.Close()
		}
	})
	b.Run("Next", func(b *testing.B) {
		b.SetBytes(st.Size())
		b.ReportAllocs()
		for b.Loop() {
			r, err := Open(path, Options{})
			if err != nil {
				b.Fatal(err)
			}
			for {
				_, err := r.Next()
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					b.Fatal(err)
				}
			}
			r.Close()
		}
	})
}

// BenchmarkDelimitedCP1252 is the same read through the Windows-1252 decoder.
func BenchmarkDelimitedCP1252(b *testing.B) {
	path := writeBenchFile(b, b.TempDir(), 20<<20, false)
	st, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(st.Size())
	b.ReportAllocs()
	var batch Batch
	for b.Loop() {
		r, err := Open(path, Options{Encoding: "windows-1252"})
		if err != nil {
			b.Fatal(err)
		}
		for {
			err = r.ReadBatch(&batch, DefaultBatch)
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
		}
		r.Close()
	}
}

// BenchmarkFixedWidth reads a generated fixed-width file.
func BenchmarkFixedWidth(b *testing.B) {
	path := filepath.Join(b.TempDir(), "fixed.txt")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	for i := 0; i < 200000; i++ {
		w.WriteString("0001Brontë    Renée   01011980  AB123456CFlat 2 10 High Street          LS1 1AA \n")
	}
	w.Flush()
	f.Close()
	st, _ := os.Stat(path)
	layout := []Column{{"ref", 1, 4}, {"surname", 5, 10}, {"forename", 15, 8}, {"dob", 23, 8}, {"ni", 33, 9}, {"address", 42, 31}, {"postcode", 73, 8}}
	b.SetBytes(st.Size())
	b.ReportAllocs()
	var batch Batch
	for b.Loop() {
		r, err := Open(path, Options{Format: FixedWidth, Layout: layout})
		if err != nil {
			b.Fatal(err)
		}
		for {
			err = r.ReadBatch(&batch, DefaultBatch)
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			if batch.Rows[0].Err != nil {
				b.Fatal(batch.Rows[0].Err)
			}
		}
		r.Close()
	}
}
