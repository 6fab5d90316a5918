package i18n

// AppealWords is the wording of a result's feedback round, its appeals,
// their review and the final result (反馈、申诉、复核、终审), and the
// roster's lead role.
type AppealWords struct {
	// RoleLead marks the lead's device on the roster.
	RoleLead string
	// Stage names each stage of a signed result: signed, preliminary,
	// appealing, final.
	StageSigned, StagePreliminary, StageAppealing, StageFinal string
	// Uphold and Reject name a decision.
	Uphold, Reject string
}

func chineseAppeals() AppealWords {
	return AppealWords{
		RoleLead:    "组长",
		StageSigned: "已签署", StagePreliminary: "初步", StageAppealing: "申诉中", StageFinal: "已终审",
		Uphold: "采纳", Reject: "不予采纳",
	}
}

func englishAppeals() AppealWords {
	return AppealWords{
		RoleLead:    "lead",
		StageSigned: "signed", StagePreliminary: "preliminary", StageAppealing: "appealing", StageFinal: "final",
		Uphold: "upheld", Reject: "rejected",
	}
}
