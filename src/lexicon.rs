//! Built-in data tables: countries, capitals, demonyms, international bodies,
//! armed groups, titles, organisation head words and reporting cues. Data
//! only; the stages own the logic that reads it.
