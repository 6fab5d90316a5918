package i18n

// ListItems words an item of a list of amounts that is refused: an item a
// findings file gives that is no number (fmt formats: the item's position
// from 1, the item as the file gives it; Quoted also the amount to write
// instead, as QuotedValue does for a whole value), and an empty item of a
// typed list (the text typed, the position, what the rule takes).
type ListItems struct {
	NotANumber string // position, item
	Quoted     string // position, item, amount
	Exponent   string // position, item
	Empty      string // typed, position, allowed
}

func chineseListItems() ListItems {
	return ListItems{
		NotANumber: "列表第 %d 项 %s 不是数字",
		Quoted:     "列表第 %d 项 %s 写成了文字：文件中应写普通数字 %s（不加引号）",
		Exponent:   "列表第 %d 项 %s 用了指数写法：请写成普通数字",
		Empty:      "“%s”的第 %d 项是空的（分隔符之间或首尾没有数字）；应为%s",
	}
}

func englishListItems() ListItems {
	return ListItems{
		NotANumber: "item %d of the list, %s, is not a number",
		Quoted:     "item %d of the list, %s, is text: a file gives it as the plain number %s, without quotes",
		Exponent:   "item %d of the list, %s, has an exponent: write it as a plain number",
		Empty:      "%q has an empty item %d (no amount between two separators or at an end); expected %s",
	}
}
