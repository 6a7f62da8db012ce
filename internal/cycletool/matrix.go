package cycletool

// Matrix counts a cycle's assets: level × status, and how many are
// tangible and financial at each level, with the total estimated value.
type Matrix struct {
	Levels []MatrixRow
	Total  MatrixRow
	// Holders counts local-system assets per holder, in AssetHolders order.
	Holders []HolderCount
}

// MatrixRow is one level's counts (or the total over levels).
type MatrixRow struct {
	Level     string
	ByStatus  []int // in AssetStatuses order
	Count     int
	Tangible  int
	Financial int
	Value     int64 // sum of the known estimated values
}

// HolderCount is the number of local-system assets a holder has.
type HolderCount struct {
	Holder string
	Count  int
}

// AssetMatrix computes the matrix of assets.
func AssetMatrix(assets []Asset) *Matrix {
	m := &Matrix{Total: MatrixRow{ByStatus: make([]int, len(AssetStatuses))}}
	rows := map[string]*MatrixRow{}
	for _, l := range AssetLevels {
		m.Levels = append(m.Levels, MatrixRow{Level: l, ByStatus: make([]int, len(AssetStatuses))})
	}
	for i := range m.Levels {
		rows[m.Levels[i].Level] = &m.Levels[i]
	}
	holders := map[string]int{}
	for _, a := range assets {
		for _, r := range []*MatrixRow{rows[a.Level], &m.Total} {
			if r == nil {
				continue
			}
			for i, st := range AssetStatuses {
				if st == a.Status {
					r.ByStatus[i]++
				}
			}
			r.Count++
			if a.Tangible {
				r.Tangible++
			}
			if a.Financial {
				r.Financial++
			}
			if a.EstimatedValue != nil {
				r.Value += *a.EstimatedValue
			}
		}
		if a.Level == "sistem_lokal" {
			holders[a.Holder]++
		}
	}
	for _, h := range AssetHolders {
		if holders[h] > 0 {
			m.Holders = append(m.Holders, HolderCount{h, holders[h]})
		}
	}
	return m
}
