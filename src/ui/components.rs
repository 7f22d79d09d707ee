//! The pieces of the page. Each renders a domain value and reports choices
//! through `on…` callbacks.

mod election_picker;
mod embed_panel;
mod footer;
mod postcode_form;
mod region_picker;
mod slate_result;

pub use election_picker::{ElectionPicker, ElectionPickerProps};
pub use embed_panel::{EmbedPanel, EmbedPanelProps};
pub use footer::{Footer, FooterProps};
pub use postcode_form::{PostcodeForm, PostcodeFormProps};
pub use region_picker::{RegionPicker, RegionPickerProps};
pub use slate_result::{SlateResult, SlateResultProps};
