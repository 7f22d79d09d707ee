//! The app's state: which election and which region. Everything shown is
//! derived from these two by `domain::view`.

use crate::domain::election::Election;
use crate::domain::query::AppQuery;
use crate::domain::region::RegionId;
use std::rc::Rc;
use yew::{Callback, Reducible, UseReducerHandle};

/// What the member has chosen so far.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// The election shown (defaults to the most recent).
    pub election: &'static Election,
    /// The member's region, once chosen.
    pub region: Option<RegionId>,
    /// True once the member has chosen something on this page (rather than
    /// arriving by a link): only then does focus move to the result.
    pub interacted: bool,
    /// How the region was found from a postcode, e.g. "SW1A 1AA is in the
    /// London region." Memory only: never written to the URL or storage.
    pub found_by: Option<String>,
}

/// Things the member can do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Choose another election.
    PickElection(&'static Election),
    /// Choose a region.
    PickRegion(RegionId),
    /// A region found from a postcode, with the sentence saying so.
    FoundRegion(RegionId, String),
    /// Go back to choosing a region.
    ClearRegion,
}

impl AppState {
    /// The state a link asks for, with defaults for what it leaves out.
    pub fn from_query(q: &AppQuery) -> Self {
        AppState {
            election: q.election.unwrap_or_else(Election::latest),
            region: q.region,
            interacted: false,
            found_by: None,
        }
    }

    /// The shareable query for this state.
    pub fn to_query(&self) -> AppQuery {
        AppQuery {
            election: Some(self.election),
            region: self.region,
            ..Default::default()
        }
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = match action {
            Action::PickElection(e) => AppState {
                election: e,
                ..(*self).clone()
            },
            Action::PickRegion(r) => AppState {
                election: self.election,
                region: Some(r),
                interacted: true,
                found_by: None,
            },
            Action::FoundRegion(r, how) => AppState {
                election: self.election,
                region: Some(r),
                interacted: true,
                found_by: Some(how),
            },
            Action::ClearRegion => AppState {
                election: self.election,
                region: None,
                interacted: true,
                found_by: None,
            },
        };
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

/// The callbacks every view of the app needs, each dispatching one [`Action`].
#[derive(Clone, PartialEq)]
pub struct Dispatchers {
    /// Choose an election.
    pub onpick_election: Callback<&'static Election>,
    /// Choose a region.
    pub onpick_region: Callback<RegionId>,
    /// A region found from a postcode, with the sentence saying so.
    pub onfound: Callback<(RegionId, String)>,
    /// Back to choosing a region.
    pub onchange_region: Callback<()>,
}

impl Dispatchers {
    /// Callbacks that dispatch to `state`.
    pub fn new(state: &UseReducerHandle<AppState>) -> Self {
        let dispatch = state.dispatcher().to_callback();
        Dispatchers {
            onpick_election: dispatch.reform(Action::PickElection),
            onpick_region: dispatch.reform(Action::PickRegion),
            onfound: dispatch.reform(|(r, how)| Action::FoundRegion(r, how)),
            onchange_region: dispatch.reform(|()| Action::ClearRegion),
        }
    }
}
