//! Generating regional orders where the slate's own are not available
//! (method `balanced-v1`): the `slatecard-balance` crate (`balance/`), one
//! implementation shared by the app and the data format's checks, which
//! compare every `generated` order of a data file with what it gives.
//!
//! ```
//! use slatecard_core::domain::balance::{balance, RegionSlot};
//! let slots = vec![RegionSlot { weight: 1, fixed_prefix: vec![] }; 2];
//! let orders = balance(2, &slots);
//! assert_ne!(orders[0][0], orders[1][0]);
//! ```

pub use slatecard_balance::*;
