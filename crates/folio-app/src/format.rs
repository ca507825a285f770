//! Dates for display, in the reader's own locale, through the browser's `Intl`.

use folio_core::LocalDate;
use js_sys::{Array, Date, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

/// `2024년 1월 1일` or `January 1, 2024`, as the reader's browser prefers. The
/// date is the post's own calendar date, so it matches the timeline everywhere.
pub fn format_local_date(date: LocalDate) -> String {
    let millis = Date::utc(date.year as f64, (date.month as f64) - 1.0)
        + (date.day as f64 - 1.0) * 86_400_000.0;
    let options = Object::new();
    let _ = Reflect::set(&options, &"dateStyle".into(), &"long".into());
    let _ = Reflect::set(&options, &"timeZone".into(), &"UTC".into());
    let formatter = Intl::DateTimeFormat::new(&Array::new(), &options);
    formatter
        .format()
        .call1(&formatter, &Date::new(&JsValue::from_f64(millis)))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| date.iso())
}
