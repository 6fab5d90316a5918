package i18n

// BonusCap is the wording of a bonus held to its cap in the 扣分说明: a bonus
// adds, so its cap must not read as a deduction (扣%s分).
type BonusCap struct {
	// CappedAt: what the bonus came to, the cap it was held to.
	CappedAt string
}

func chineseBonusCap() BonusCap { return BonusCap{CappedAt: "加%s分，封顶%s分"} }

func englishBonusCap() BonusCap { return BonusCap{CappedAt: "adds %s, capped at %s"} }
