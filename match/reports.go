package match

import (
	"fmt"

	"github.com/nfi-engine/nfi/ingest"
	"github.com/nfi-engine/nfi/ingest/value"
)

// Side says which record of a pair a field is read from.
type Side uint8

const (
	// LeftSide is the first dataset of the report.
	LeftSide Side = iota
	// RightSide is the second dataset of the report.
	RightSide
)

// FieldRef names a canonical field on one side of a pair.
type FieldRef struct {
	Side  Side
	Field string
}

// Clause is one part of a report's condition: the date in End must be
// blank (still live) or later than the date in Event. With no Event the
// clause holds only while End is blank. A clause whose Event is unknown
// holds: the pair is shown, and the investigator sees the blank.
type Clause struct {
	End   FieldRef
	Event FieldRef
}

// Report is one entry of the report catalogue: what is compared and what
// makes a pair worth an investigator's time.
type Report struct {
	ID          string
	Title       string
	Left, Right string // dataset kinds
	// What is matched: one of the Match* names (person, household,
	// supplier, payment, bank).
	Match string
	// Description says, for README.txt, what the report compares.
	Description string
	// Condition must hold for a pair to be reported; ConditionText says it
	// in words for the reports.
	Condition     []Clause
	ConditionText string
	// Show lists the fields printed side by side, beyond the person fields.
	Show []string
	// Requires names further tests a pair must pass (see Requirement).
	Requires []Requirement
	// NoTrain scores the report with the catalogue's default m and u: its
	// decision rests on its requirements, and its datasets are often too
	// small to train on.
	NoTrain bool
	// EvidenceOnly marks a report decided by its requirements (one bank
	// account, one property, one invoice): every pair that meets them is
	// reported, and its probability says how strong the evidence for the
	// link is, from an even prior, the address and bank comparisons
	// counting once.
	EvidenceOnly bool
	// GroupByLeft lays the report's table out one line per left-hand record
	// (a council tax account) listing its matches (the other adults), rather
	// than one line per match.
	GroupByLeft bool
	// Custom is true for a job's custom report (Left and Right are then
	// dataset names, not kinds).
	Custom bool
	// Threshold is the match probability at or above which a pair is
	// reported, when the job sets none.
	Threshold float64
}

// DefaultThreshold is the match probability at or above which a pair is
// reported when neither the job nor the report says otherwise: nine in ten,
// so that an investigator's time goes on pairs the evidence favours.
const DefaultThreshold = 0.9

// Bands split reported matches by probability for triage.
const (
	HighBand   = 0.99
	MediumBand = 0.95
)

// Band names the strength of a match from its probability.
func Band(p float64) string {
	switch {
	case p >= HighBand:
		return "high"
	case p >= MediumBand:
		return "medium"
	}
	return "low"
}

// PersonFields are the fields every person report shows side by side.
func PersonFields() []string {
	return []string{"ref", "title", "forenames", "middle_names", "surname", "dob", "ni_number",
		"address_1", "address_2", "address_3", "address_4", "address_5", "town", "postcode", "uprn"}
}

// Reports is the report catalogue, in the order reports are written. Add a
// report here and nowhere else.
func Reports() []*Report {
	return []*Report{
		{ID: "payroll_to_payroll", Title: "Payroll to payroll", Left: "payroll", Right: "payroll", Match: MatchPerson,
			Description:   "one person on two payroll records: two posts, or a record that should have been closed",
			Condition:     []Clause{{End: FieldRef{LeftSide, "leave_date"}}, {End: FieldRef{RightSide, "leave_date"}}},
			ConditionText: "both payroll records are current (no leave date)",
			Show:          []string{"start_date", "leave_date", "gross_pay"}},
		{ID: "payroll_to_pensions", Title: "Payroll to pensions", Left: "payroll", Right: "pensions", Match: MatchPerson,
			Description:   "a pensioner who is also on the payroll (a re-employed pensioner whose pension may need abating)",
			Condition:     []Clause{{End: FieldRef{LeftSide, "leave_date"}, Event: FieldRef{RightSide, "pension_start"}}},
			ConditionText: "employed on or after the pension started (no leave date, or left after the pension start)",
			Show:          []string{"start_date", "leave_date", "pension_start", "pension_end", "pension_amount"}},
		{ID: "deceased_to_pensions", Title: "Deceased persons to pensions", Left: "deceased", Right: "pensions", Match: MatchPerson,
			Description:   "a pension that appears to be in payment after the pensioner's recorded date of death",
			Condition:     []Clause{{End: FieldRef{RightSide, "pension_end"}, Event: FieldRef{LeftSide, "date_of_death"}}},
			ConditionText: "the pension is still in payment after the date of death (no end date, or ended after it)",
			Show:          []string{"date_of_death", "pension_start", "pension_end", "pension_amount"}},
		{ID: "deceased_to_blue_badges", Title: "Deceased persons to blue badges", Left: "deceased", Right: "blue_badge", Match: MatchPerson,
			Description:   "a blue badge that was still valid after the holder's recorded date of death",
			Condition:     []Clause{{End: FieldRef{RightSide, "expiry_date"}, Event: FieldRef{LeftSide, "date_of_death"}}},
			ConditionText: "the badge had not expired at the date of death",
			Show:          []string{"date_of_death", "badge_number", "expiry_date"}},
		{ID: "deceased_to_tenants", Title: "Deceased persons to housing tenants", Left: "deceased", Right: "housing_tenants", Match: MatchPerson,
			Description:   "a tenancy still live after the tenant's recorded date of death",
			Condition:     []Clause{{End: FieldRef{RightSide, "tenancy_end"}, Event: FieldRef{LeftSide, "date_of_death"}}},
			ConditionText: "the tenancy had not ended at the date of death",
			Show:          []string{"date_of_death", "tenancy_start", "tenancy_end"}},
		{ID: "tenants_to_tenants", Title: "Housing tenants to housing tenants", Left: "housing_tenants", Right: "housing_tenants", Match: MatchPerson,
			Description:   "one person named on two live tenancies",
			Condition:     []Clause{{End: FieldRef{LeftSide, "tenancy_end"}}, {End: FieldRef{RightSide, "tenancy_end"}}},
			ConditionText: "both tenancies are live (no end date)",
			Show:          []string{"tenancy_start", "tenancy_end"}},
		{ID: "blue_badge_to_blue_badge", Title: "Blue badge holders to blue badge holders", Left: "blue_badge", Right: "blue_badge", Match: MatchPerson,
			Description:   "one person holding two blue badges",
			ConditionText: "both badges are in the extract of current badges",
			Show:          []string{"badge_number", "expiry_date"}},
		{ID: "waiting_list_to_tenants", Title: "Housing waiting list to housing tenants", Left: "waiting_list", Right: "housing_tenants", Match: MatchPerson,
			Description:   "an applicant on the housing waiting list who is already a tenant",
			Condition:     []Clause{{End: FieldRef{RightSide, "tenancy_end"}}},
			ConditionText: "the tenancy is live (no end date)",
			Show:          []string{"application_date", "tenancy_start", "tenancy_end"}},
		{ID: "housing_benefit_to_payroll", Title: "Housing benefit to payroll", Left: "housing_benefit", Right: "payroll", Match: MatchPerson,
			Description:   "a housing benefit claimant who is also on the payroll (income that may not have been declared)",
			Condition:     []Clause{{End: FieldRef{RightSide, "leave_date"}, Event: FieldRef{LeftSide, "claim_start"}}},
			ConditionText: "employed on or after the claim started",
			Show:          []string{"claim_start", "claim_end", "start_date", "leave_date", "gross_pay"}},
		{ID: "housing_benefit_to_pensions", Title: "Housing benefit to pensions", Left: "housing_benefit", Right: "pensions", Match: MatchPerson,
			Description:   "a housing benefit claimant who also draws a council pension (income that may not have been declared)",
			Condition:     []Clause{{End: FieldRef{RightSide, "pension_end"}, Event: FieldRef{LeftSide, "claim_start"}}},
			ConditionText: "the pension was in payment on or after the claim started",
			Show:          []string{"claim_start", "claim_end", "pension_start", "pension_end", "pension_amount"}},
		{ID: "spd_to_electoral", Title: "Council tax single person discount to the electoral register", Left: "council_tax", Right: "electoral_register", Match: MatchHousehold,
			Description:   "another adult registered to vote at a property whose council tax has a single person discount",
			Requires:      []Requirement{LeftFlagged, SameProperty, NotSamePerson, AdultInDiscount},
			ConditionText: "single person discount claimed; the elector is at the same property, is not the liable person, and was 18 or over while the discount applied",
			Show:          []string{"spd_flag", "discount_start", "discount_end", "attainment_date"}, NoTrain: true, EvidenceOnly: true, GroupByLeft: true},
		{ID: "duplicate_creditors", Title: "Duplicate creditors", Left: "creditors", Right: "creditors", Match: MatchSupplier,
			Description:   "two creditor records that appear to be one supplier",
			Requires:      []Requirement{SameSupplier},
			ConditionText: "the same bank account, or names alike with the same postcode, VAT number or company number",
			Show:          []string{"supplier_name", "vat_number", "company_number", "sort_code", "account_number"}, NoTrain: true, EvidenceOnly: true},
		{ID: "duplicate_payments", Title: "Duplicate creditor payments", Left: "creditor_payments", Right: "creditor_payments", Match: MatchPayment,
			Description:   "one invoice that appears to have been paid twice (many such pairs are genuine: check the invoices)",
			Requires:      []Requirement{PositiveAmounts, OneInvoice},
			ConditionText: fmt.Sprintf("both payments positive; the same invoice number, or the same amount with invoice numbers alike and dates within %d days", PaymentWindowDays),
			Show:          []string{"creditor_ref", "invoice_number", "invoice_date", "amount", "payment_date", "payment_reference"}, NoTrain: true, EvidenceOnly: true},
		{ID: "payroll_to_creditors", Title: "Payroll to creditors", Left: "payroll", Right: "creditors", Match: MatchBank,
			Description:   "an employee's bank account or home address on a supplier's record (a possible undeclared interest)",
			Requires:      []Requirement{SameBankOrProperty},
			ConditionText: "the same bank account, or the same property",
			Show:          []string{"supplier_name", "sort_code", "account_number"}, NoTrain: true, EvidenceOnly: true},
		{ID: "shared_bank_accounts", Title: "Bank accounts shared by different people (payroll)", Left: "payroll", Right: "payroll", Match: MatchBank,
			Description:   "one bank account receiving the pay of two different people",
			Requires:      []Requirement{SameBank, NotSamePerson},
			ConditionText: "the same sort code and account number; the two records are of different people",
			Show:          []string{"sort_code", "account_number"}, NoTrain: true, EvidenceOnly: true},
		{ID: "shared_bank_accounts", Title: "Bank accounts shared by different people (pensions and payroll)", Left: "pensions", Right: "payroll", Match: MatchBank,
			Description:   "one bank account receiving a pension and another person's pay",
			Requires:      []Requirement{SameBank, NotSamePerson},
			ConditionText: "the same sort code and account number; the two records are of different people",
			Show:          []string{"sort_code", "account_number"}, NoTrain: true, EvidenceOnly: true},
	}
}

// LookupReport returns the catalogue entries with the given id: one, or
// several when a report covers more than one pair of dataset kinds
// (shared_bank_accounts).
func LookupReport(id string) ([]*Report, bool) {
	var out []*Report
	for _, r := range Reports() {
		if r.ID == id {
			out = append(out, r)
		}
	}
	return out, len(out) > 0
}

// CustomReport builds a person report between two datasets (or within one)
// named in a job's custom_reports.
func CustomReport(id, title, left, right string) *Report {
	if title == "" {
		title = "Custom report " + id
	}
	desc := "person matching between " + left + " and " + right
	if left == right {
		desc = "the same person twice within " + left
	}
	return &Report{ID: id, Title: title, Left: left, Right: right, Match: MatchPerson, Custom: true, Description: desc}
}

// Holds reports whether the report's condition holds for a pair.
func (rep *Report) Holds(l, r *ingest.Record, ld, rd *ingest.Dataset) bool {
	for _, c := range rep.Condition {
		end := dateOf(c.End, l, r, ld, rd)
		if end.blank {
			continue
		}
		if c.Event.Field == "" {
			return false
		}
		ev := dateOf(c.Event, l, r, ld, rd)
		if ev.blank || !end.ok || !ev.ok {
			continue // unknown: shown, not hidden
		}
		if end.d <= ev.d {
			return false
		}
	}
	return true
}

type dateVal struct {
	d     value.Date
	blank bool
	ok    bool
}

func dateOf(f FieldRef, l, r *ingest.Record, ld, rd *ingest.Dataset) dateVal {
	rec, ds := l, ld
	if f.Side == RightSide {
		rec, ds = r, rd
	}
	i := ds.Kind.Field(f.Field)
	if i < 0 || !ds.Mapped[i] || rec.Value(i) == "" {
		return dateVal{blank: true}
	}
	d, err := value.ParseISODate(rec.Value(i))
	return dateVal{d: d, ok: err == nil}
}
