//! Small text helpers shared by the stages (character classes, word tests).
