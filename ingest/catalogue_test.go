package ingest

import (
	"regexp"
	"testing"
)

// TestCatalogue checks every entry of the dataset catalogue.
func TestCatalogue(t *testing.T) {
	name := regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	kinds := map[string]bool{}
	for _, k := range Catalogue() {
		if !name.MatchString(k.Name) || kinds[k.Name] {
			t.Errorf("kind %q: bad or duplicate name", k.Name)
		}
		kinds[k.Name] = true
		if k.Title == "" {
			t.Errorf("kind %q: no title", k.Name)
		}
		if len(k.Fields) == 0 || k.Fields[0].Name != "ref" || !k.Fields[0].Required {
			t.Errorf("kind %q: the first field must be the required ref", k.Name)
		}
		if len(k.Fields) > 64 {
			t.Errorf("kind %q: %d fields, more than Record.Invalid can flag", k.Name, len(k.Fields))
		}
		fields := map[string]bool{}
		headers := map[string]string{}
		for i, f := range k.Fields {
			if !name.MatchString(f.Name) || fields[f.Name] {
				t.Errorf("kind %q field %q: bad or duplicate name", k.Name, f.Name)
			}
			fields[f.Name] = true
			if k.Field(f.Name) != i {
				t.Errorf("kind %q: index of %q is wrong", k.Name, f.Name)
			}
			for _, h := range append([]string{f.Name}, f.Synonyms...) {
				hk := headerKey(h)
				if other, dup := headers[hk]; dup && other != f.Name {
					t.Errorf("kind %q: header %q maps to both %q and %q", k.Name, h, other, f.Name)
				}
				headers[hk] = f.Name
			}
		}
		for _, f := range k.NeedsOneOf {
			if !fields[f] {
				t.Errorf("kind %q: NeedsOneOf names unknown field %q", k.Name, f)
			}
		}
	}
	// The contract: these kinds and fields are named by job files.
	want := map[string][]string{
		"person":             {"ref", "title", "forenames", "middle_names", "surname", "sex", "dob", "ni_number", "other_id", "address_1", "address_5", "town", "postcode", "uprn", "sort_code", "account_number", "phone", "email"},
		"payroll":            {"start_date", "leave_date", "gross_pay"},
		"pensions":           {"pension_start", "pension_amount"},
		"deceased":           {"date_of_death"},
		"blue_badge":         {"badge_number", "expiry_date"},
		"housing_tenants":    {"tenancy_start", "tenancy_end"},
		"electoral_register": {"attainment_date"},
		"council_tax":        {"spd_flag", "discount_start", "discount_end"},
		"creditors":          {"ref", "supplier_name", "postcode", "sort_code", "account_number", "vat_number", "company_number"},
		"creditor_payments":  {"ref", "creditor_ref", "invoice_number", "invoice_date", "amount", "payment_date", "payment_reference"},
	}
	for kn, fs := range want {
		k, ok := LookupKind(kn)
		if !ok {
			t.Errorf("kind %q missing from the catalogue", kn)
			continue
		}
		for _, f := range fs {
			if k.Field(f) < 0 {
				t.Errorf("kind %q lacks field %q", kn, f)
			}
		}
	}
}
