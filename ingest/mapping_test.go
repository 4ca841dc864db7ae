package ingest

import (
	"errors"
	"strings"
	"testing"
)

func TestNewMapping(t *testing.T) {
	payroll, _ := LookupKind("payroll")
	deceased, _ := LookupKind("deceased")
	tests := []struct {
		name    string
		kind    *Kind
		header  []string
		key     string
		columns map[string]string
		want    map[string]string // field -> header
		wantErr error
	}{
		{"canonical and synonyms", payroll, []string{"Employee No", "Forename", "SURNAME", "Date of Birth", "N.I. Number", "Post Code"}, "Employee No", nil,
			map[string]string{"ref": "Employee No", "forenames": "Forename", "surname": "SURNAME", "dob": "Date of Birth", "postcode": "Post Code"}, nil},
		{"explicit columns win", payroll, []string{"ID", "Known As", "First Name", "Family"}, "id", map[string]string{"forenames": "Known As", "surname": "Family"},
			map[string]string{"ref": "ID", "forenames": "Known As", "surname": "Family"}, nil},
		{"key column missing", payroll, []string{"A", "Surname"}, "Employee No", nil, nil, ErrHeaderMissing},
		{"columns header missing", payroll, []string{"ID", "Surname"}, "ID", map[string]string{"dob": "Birth"}, nil, ErrHeaderMissing},
		{"unknown field", payroll, []string{"ID", "Surname"}, "ID", map[string]string{"shoe_size": "Surname"}, nil, ErrUnknownField},
		{"no name at all", payroll, []string{"ID", "DOB"}, "ID", nil, nil, ErrRequiredMissing},
		{"required date_of_death", deceased, []string{"ID", "Surname"}, "ID", nil, nil, ErrRequiredMissing},
		{"one column for two fields", payroll, []string{"ID", "Name"}, "ID", map[string]string{"surname": "Name", "forenames": "Name"}, nil, ErrDuplicateColumn},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := NewMapping(tt.kind, tt.header, tt.key, tt.columns)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", err, tt.wantErr)
				}
				var me *MappingError
				if errors.As(err, &me) && errors.Is(err, ErrHeaderMissing) && !strings.Contains(err.Error(), "headers found") {
					t.Errorf("error %q does not list the headers found", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for f, h := range tt.want {
				fi := tt.kind.Field(f)
				if m.Col[fi] < 0 || tt.header[m.Col[fi]] != h {
					t.Errorf("%s mapped to column %d, want %q", f, m.Col[fi], h)
				}
			}
		})
	}
}
