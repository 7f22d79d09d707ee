//! English (United Kingdom): the catalogue every other language follows.

use super::shared::{group_digits, numbered, published, quota_figure};
use super::{Catalogue, Label, PageMeta, PrintText, ShellText, WhyText};
use crate::domain::date::{Date, Moment};
use crate::domain::election::{Change, Election, Electorate, Marking, Status};
use crate::domain::embedding::OptionError;
use crate::domain::link::Unknown;
use crate::domain::lookup::{Answer, LookupError, Resolution};
use crate::domain::model::Found;
use crate::domain::page::{
    BallotView, Body, Eligibility, Instruction, OrderSource, Outcome, Page, ResultView,
    ResultsMissing, Timing,
};
use crate::domain::postcode::{Elsewhere, PostcodeError, Territory};
use crate::domain::region::RegionId;
use crate::domain::reminder::ReminderText;
#[cfg(not(target_arch = "wasm32"))]
use crate::domain::simulate::Simulation;
use crate::domain::table::TableError;

/// English text.
#[derive(Clone, Copy, Debug, Default)]
pub struct English;

const WEEKDAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `A`, `A and B`, `A, B and C`.
#[inline]
fn list(names: &[&str], last_joiner: &str) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{}{last_joiner}{last}", init.join(", ")),
    }
}

#[inline]
fn territory(t: Territory) -> &'static str {
    match t {
        Territory::Ascension => "Ascension Island",
        Territory::StHelena => "St Helena",
        Territory::TristanDaCunha => "Tristan da Cunha",
        Territory::BritishIndianOcean => "the British Indian Ocean Territory",
        Territory::BritishAntarctic => "the British Antarctic Territory",
        Territory::Falklands => "the Falkland Islands",
        Territory::Gibraltar => "Gibraltar",
        Territory::Pitcairn => "the Pitcairn Islands",
        Territory::SouthGeorgia => "South Georgia and the South Sandwich Islands",
        Territory::TurksCaicos => "the Turks and Caicos Islands",
        Territory::Cayman => "the Cayman Islands",
        Territory::VirginIslands => "the British Virgin Islands",
        Territory::Anguilla => "Anguilla",
        Territory::Montserrat => "Montserrat",
    }
}

/// Where a postcode, as understood, lies; a repaired reading is said back.
#[inline]
fn in_region(understood: &str, repaired: bool, region: RegionId) -> String {
    if repaired {
        format!(
            "We read that as {understood}, which is in the {} region.",
            region.name()
        )
    } else {
        format!("{understood} is in the {} region.", region.name())
    }
}

#[inline]
fn crown_dependency(place: &str) -> String {
    format!(
        "{place} is not part of a UK region: Labour members there belong to Labour International."
    )
}

#[inline]
fn region_names(regions: &[RegionId]) -> Vec<&'static str> {
    regions.iter().map(|r| r.name()).collect()
}

impl Catalogue for English {
    #[inline]
    fn region_name(&self, region: RegionId) -> &'static str {
        region.name()
    }

    #[inline]
    fn shell(&self) -> ShellText {
        ShellText {
            page_title: "slatecard — how to fill in your Labour NEC ballot",
            description: "Your slate's recommended order for the Labour NEC ballot, for your region. Works on your phone; your postcode never leaves it.",
            no_script: "slatecard needs JavaScript and WebAssembly to work out your ballot order on your device.",
            loading: "Loading your slate…",
            frame_title: "slatecard: how to fill in your ballot",
            oembed_title: "slatecard: how your slate recommends you fill in your Labour ballot",
            app_failed: "Postcode search could not start in this browser (it may be blocked, offline or too old). Choose your region below: every region's order works without it.",
            widget_failed: "slatecard could not start in this browser (it may be blocked, offline or too old).",
            retry: "Try again",
            looking_up: self.label(Label::PostcodeLoading),
            copied: self.label(Label::Copied),
            corrected: "A corrected order is available.",
            reload: "Reload",
        }
    }

    #[inline]
    fn label(&self, label: Label) -> &'static str {
        match label {
            Label::Brand => "slatecard",
            Label::OtherLanguage => "Cymraeg",
            Label::LanguageOffer => "This page is also in English:",
            Label::LanguageOfferNo => "No thanks",
            Label::Tagline => {
                "How your slate recommends you fill in your Labour ballot, for where you live."
            }
            Label::Election => "Election",
            Label::OtherElections => "Other elections:",
            Label::YourPostcode => "Your postcode",
            Label::PostcodeHint => "The postcode of the address on your Labour membership, or just its first part, like SW1A. It stays on your device.",
            Label::PostcodeNeedsScript => "Finding your region from a postcode needs JavaScript, which is off. Choose your region below instead.",
            Label::ErrorPrefix => "Error: ",
            Label::PostcodeLoading => "Looking up your postcode…",
            Label::FindMyRegion => "Find my region",
            Label::ShowInternational => "Show Labour International",
            Label::OrChooseRegion => "Or choose your region",
            Label::RegionHint => {
                "You vote with the region of the address on your Labour membership."
            }
            Label::OutsideUk => "I live outside the UK",
            Label::ChoosePlaceholder => "Choose…",
            Label::ChangeRegion => "Change region",
            Label::PublishedOrder => {
                "This is the order the slate published for this region. Source: "
            }
            Label::Source => " Source: ",
            Label::GeneratedOrder => "Worked out by slatecard, not published by the slate.",
            Label::GeneratedWhy => "Our sources have no order from the slate for this region: this one spreads first preferences across the slate, as its regional orders are meant to.",
            Label::HowOrderMade => "How this order was made",
            Label::HowRestMade => "How the rest was made",
            Label::OtherSeats => "Other seats on the same ballot",
            Label::NotPublishedHere => "Not published here",
            Label::ElectionNotes => "Notes on this election",
            Label::OpenFullPage => "Open full page ↗",
            Label::PrivacyPromise => "slatecard works entirely on your device: nothing you choose or type is sent anywhere.",
            Label::Sources => "Sources for this election",
            Label::Independent => "slatecard is an independent tool. It is not run by the Labour Party or by any slate.",
            Label::EmbedThis => "Embed this on your blog or website",
            Label::EmbedLoader => "Script (resizes itself)",
            Label::EmbedLoaderHelp => {
                "For sites that allow scripts, e.g. a WordPress Custom HTML block."
            }
            Label::EmbedIframe => "Plain iframe",
            Label::EmbedIframeHelp => "For sites that allow iframes but not scripts.",
            Label::EmbedLink => "Link",
            Label::EmbedLinkHelp => "For sites that allow neither (e.g. WordPress.com free plans). Pasting the page address on its own line also embeds it in self-hosted WordPress.",
            Label::Copy => "Copy",
            Label::Preview => "Preview:",
            Label::PreviewTitle => "Preview of the embedded widget",
            Label::More => "Other seats, results and notes",
            Label::EnterYourPostcode => "Enter your postcode",
            Label::PublishedElsewhere => "What the slate itself published: ",
            Label::Share => "Share",
            Label::ShareWithoutRegion => "Share without my region",
            Label::Copied => "Copied",
            Label::AddReminder => "Add a reminder to my calendar",
            Label::YourRegionHere => "Your region, remembered on this device: ",
            Label::Forget => "Forget it",
            Label::Elected => "Elected",
            Label::AfterTheCount => "After the count",
            Label::NominationStage => "Not confirmed on the ballot: picked while nominations were open",
            Label::NotElected => "Not elected",
            Label::Results => "Results",
            Label::CountUnknown => "(—: not in our sources)",
            Label::BallotUnknown => "As your ballot lists them (alphabetically), with the slate's marks. Other candidates will be between them: we have not found the full list.",
            Label::Unopposed => "Decided unopposed, so not on the ballot:",
            Label::FirstPreferences => "First preferences for the slate",
            Label::Votes => "Votes for the slate",
            Label::MarkAsAsked => "Mark the slate's picks as each section of the ballot paper asks: numbers (1, 2…) or crosses.",
            Label::WhyDifferent => "Why is my order different from a friend's?",
            Label::CrashTitle => "Sorry, something went wrong",
            Label::CrashBody => "slatecard hit a problem it could not recover from. Please reload the page. Nothing you typed has left your device.",
            Label::PrintCards => "Print cards for a stall",
        }
    }

    #[inline]
    fn page_meta(&self, page: &Page) -> PageMeta {
        let e = page.election.election;
        match &page.body {
            Body::Result { result, .. } => {
                let region = result.region.name();
                let order = numbered(&result.entries, "");
                let whose = match result.source {
                    OrderSource::Published { .. } => "the slate's published order",
                    OrderSource::PartlyPublished { .. } => {
                        "the first places published by the slate, the rest worked out by slatecard"
                    }
                    OrderSource::Generated { .. } => {
                        "worked out by slatecard: the slate did not publish an order for this region"
                    }
                    OrderSource::NoOrder => "a cross for each; order does not matter",
                };
                PageMeta {
                    title: format!("{}, {region}: how to vote — slatecard", e.short_title),
                    description: format!("{}, {region}: {} ({whose}).", e.title, order.join(", ")),
                }
            }
            Body::Choose(_) => PageMeta {
                title: format!("{}: how to vote, region by region — slatecard", e.short_title),
                description: format!(
                    "How the {} slate recommends you fill in your ballot in the {}, for your Labour region. Works on your phone; your postcode never leaves it.",
                    e.slate, e.title
                ),
            },
        }
    }

    #[inline]
    fn date(&self, d: Date) -> String {
        let month = MONTHS[usize::from(d.month.clamp(1, 12) - 1)];
        format!("{} {month} {}", d.day, d.year)
    }

    #[inline]
    fn moment(&self, m: Moment) -> String {
        match m.time {
            None => self.date(m.date),
            // Members abroad (Labour International) read it in their own
            // zone otherwise: the data's times are the UK's.
            Some((12, 0)) => format!("{}, midday UK time", self.date(m.date)),
            Some((h, min)) => format!("{}, {h:02}:{min:02} UK time", self.date(m.date)),
        }
    }

    #[inline]
    fn timing(&self, t: Timing) -> String {
        match t.status {
            Status::Upcoming { opens } => format!("Voting opens {}", self.moment(opens)),
            Status::Open { closes: Some(c) } => {
                // A date alone closes at the end of that day.
                let weekday = WEEKDAYS[usize::from(c.date.weekday() % 7)];
                let day = match c.time {
                    None => format!("end of {weekday} {}, UK time", self.date(c.date)),
                    Some(_) => format!("{weekday} {}", self.moment(c)),
                };
                match t.days_left() {
                    Some(0) => format!("Voting closes today — {day}"),
                    Some(1) => format!("Voting closes tomorrow — {day}"),
                    Some(n) => format!("Voting closes in {n} days — {day}"),
                    None => format!("Voting open — closes {day}"),
                }
            }
            Status::Open { closes: None } => "Voting open".to_owned(),
            Status::Closed { closed: Some(c) } => format!("Voting closed on {}", self.moment(c)),
            Status::Closed { closed: None } => format!(
                "The {} ballot's dates are not in our sources: it has most likely closed",
                t.held
            ),
        }
    }

    #[inline]
    fn results_missing(&self, missing: ResultsMissing) -> &'static str {
        match missing {
            ResultsMissing::Closed => "Voting has closed. The results are not in slatecard's data yet.",
            ResultsMissing::LikelyClosed => "Voting has most likely closed: this ballot's dates are not in our sources. The results are not in slatecard's data yet.",
        }
    }

    #[inline]
    fn copy_button(&self, ranked: bool) -> &'static str {
        if ranked {
            "Copy my order"
        } else {
            "Copy the names"
        }
    }

    #[inline]
    fn instruction(&self, i: Instruction) -> String {
        match i {
            Instruction::Rank { count } => format!(
                "Number these {count} candidates 1 to {count} on your ballot, in this order."
            ),
            Instruction::Cross { count, max } => format!(
                "Put a cross next to each of these {count} names (you have up to {max} crosses; order does not matter)."
            ),
        }
    }

    #[inline]
    fn partly_published(&self, positions: u8) -> String {
        format!(
            "Places 1–{positions} were published by the slate; the rest were worked out by slatecard."
        )
    }

    #[inline]
    fn eligibility(&self, who: Eligibility) -> String {
        let place = match who.region {
            None => String::new(),
            Some(region) => format!(" in {}", region.name()),
        };
        let and_place = if place.is_empty() {
            String::new()
        } else {
            format!(" and a member{place}")
        };
        match who.electorate {
            Electorate::All => format!("Every member{place} can vote"),
            Electorate::Youth => format!("Only if you are under 27{and_place}"),
            Electorate::Bame => format!(
                "Only if you self-define as Black, Asian or minority ethnic (BAME){and_place}"
            ),
            Electorate::Disabled => format!("Only if you self-define as disabled{and_place}"),
            Electorate::Councillors => format!("Only if you are a councillor{and_place}"),
        }
    }

    #[inline]
    fn marking(&self, marking: Marking, votes: u8) -> String {
        match (marking, votes) {
            (Marking::Unknown, 0) => String::new(),
            (Marking::Unknown, 1) => "1 place".to_owned(),
            (Marking::Unknown, n) => format!("up to {n} places"),
            (Marking::Numbers, 0) => {
                "Number them in order of preference: 1 beside your first choice, 2 beside the next"
                    .to_owned()
            }
            (Marking::Numbers, 1) => "Write 1 beside one name".to_owned(),
            (Marking::Numbers, n) => {
                format!("Number up to {n}: 1 beside your first choice, 2 beside the next")
            }
            (Marking::Crosses, 0) => "Put a cross beside each name you vote for".to_owned(),
            (Marking::Crosses, 1) => "Put a cross beside one name".to_owned(),
            (Marking::Crosses, n) => format!("Put a cross beside up to {n} names"),
        }
    }

    #[inline]
    fn names(&self, names: &[&str]) -> String {
        list(names, " and ")
    }

    #[inline]
    fn answer(&self, a: &Answer) -> String {
        let understood = &a.understood;
        match &a.resolution {
            Resolution::Region(r) => in_region(understood, a.repaired, *r),
            Resolution::Choice(rs) => format!(
                "{understood} is split between {}. Enter your full postcode, or choose:",
                list(&region_names(rs), " and ")
            ),
            Resolution::NotFound => format!(
                "We can't find {understood} in our postcode list. Check it, or choose your region below."
            ),
            Resolution::Outside(e) => match e {
                Elsewhere::Jersey => crown_dependency("Jersey"),
                Elsewhere::Guernsey => crown_dependency("Guernsey"),
                Elsewhere::IsleOfMan => crown_dependency("The Isle of Man"),
                Elsewhere::Bfpo => "BFPO addresses are outside the UK's regions. If your membership is registered at a UK address, enter that postcode; otherwise you belong to Labour International.".to_owned(),
                Elsewhere::OverseasTerritory(t) => format!(
                    "Members living in {} belong to Labour International.",
                    territory(*t)
                ),
                Elsewhere::NonGeographic => "That postcode belongs to a PO box or an organisation, not a home. Enter your home postcode, or choose your region below.".to_owned(),
                Elsewhere::OtherCountry => "That doesn't look like a UK postcode. Members outside the UK belong to Labour International.".to_owned(),
            },
        }
    }

    #[inline]
    fn lookup_error(&self, e: &LookupError) -> String {
        match e {
            LookupError::Postcode(e) => self.postcode_error(e),
            LookupError::Table(e) => format!(
                "Postcode search is unavailable ({}). Please choose your region below.",
                self.table_error(e)
            ),
        }
    }

    #[inline]
    fn postcode_error(&self, e: &PostcodeError) -> String {
        let fixed = match e {
            PostcodeError::Empty => "Enter a postcode",
            // (Most often a postcode with the town after it.)
            PostcodeError::TooLong => {
                "A postcode has at most 8 characters: enter just the postcode, like SW1A 1AA"
            }
            PostcodeError::BadCharacter(c) => {
                return format!(
                    "A postcode has only letters, numbers and a space: \u{201C}{c}\u{201D} cannot be in one"
                )
            }
            PostcodeError::BadFormat => {
                "Enter a real postcode, like SW1A 1AA, or its first part, like SW1A"
            }
            PostcodeError::Ambiguous(readings) => {
                let readings: Vec<&str> = readings.iter().map(String::as_str).collect();
                return format!(
                    "That could be {}. Enter the one you mean, or your full postcode, or choose your region below.",
                    list(&readings, " or ")
                );
            }
            PostcodeError::Word(word) => {
                return format!(
                    "\u{201C}{word}\u{201D} is not a postcode: a postcode has letters and numbers, like SW1A 1AA or just SW1A. Enter yours, or choose your region below."
                )
            }
            PostcodeError::BadInward { outcode, inward } => {
                return format!(
                    "{outcode} is a real postcode district, but \u{201C}{inward}\u{201D} cannot end a postcode: the last part is a number then two letters, never C, I, K, M, O or V. Check it, or enter just {outcode}."
                )
            }
        };
        fixed.to_owned()
    }

    #[inline]
    fn table_error(&self, e: &TableError) -> String {
        match e {
            TableError::BadHeader => "not a slatecard postcode table (version 1)".to_owned(),
            TableError::Corrupt(what) => format!("corrupt postcode table: {what}"),
            TableError::NotLoaded => "it is still loading".to_owned(),
            TableError::Unavailable => "it could not be downloaded".to_owned(),
        }
    }

    #[inline]
    fn found(&self, found: &Found, region: RegionId) -> String {
        match found {
            Found::Postcode {
                understood,
                repaired,
            } => in_region(understood, *repaired, region),
            Found::Chosen => format!("You chose {}.", region.name()),
        }
    }

    #[inline]
    fn unknown_link(&self, unknown: &Unknown, shown: &Election) -> String {
        match unknown {
            Unknown::Election(asked) => format!(
                "This link asks for an election called \u{201C}{asked}\u{201D}, which slatecard does not know. Showing {} instead.",
                shown.short_title
            ),
            Unknown::Region(asked) => format!(
                "This link asks for a region called \u{201C}{asked}\u{201D}, which slatecard does not know. Choose your region below."
            ),
        }
    }

    #[inline]
    fn showing(&self, slate: &str, region: RegionId) -> String {
        format!(
            "Showing the order of the {slate} candidates for {}.",
            region.name()
        )
    }

    #[inline]
    fn attribution(&self, year: u16) -> String {
        format!("Region data: Source: Office for National Statistics licensed under the Open Government Licence v.3.0. Contains OS data © Crown copyright and database right {year}. Contains Royal Mail data © Royal Mail copyright and database right {year}. Contains National Statistics data © Crown copyright and database right {year}.")
    }

    #[inline]
    fn widget_note(&self, year: u16) -> String {
        format!(" · Works on your device; nothing is sent. Postcode data: ONS (OGL v3), OS and Royal Mail © Crown copyright {year}.")
    }

    #[inline]
    fn why(&self, e: &Election) -> WhyText {
        let slate = e.slate;
        let n = e.candidates.len();
        WhyText {
            title: "Why is my order different from a friend's?".to_owned(),
            explanation: vec![
                format!("Labour elects its {} constituency (CLP) representatives by single transferable vote (STV). A candidate is elected on reaching a quota, about one vote in {} (the Droop quota). At each round without a winner, the candidate with the fewest votes is eliminated and their ballots go to the next preference.", e.seats, u32::from(e.seats) + 1),
                format!("If every member backing the {slate} numbered its {n} candidates in the same order, the first name would get nearly all their first preferences and the others almost none. The others would then depend on transfers, and one of them could be eliminated before the transfers reach them."),
                match (e.published_orders().count(), e.orders.len()) {
                    (p, all) if p == all => format!("So the slate gives each region its own order, so that every candidate starts with about the same share of first preferences. A friend in another region has a different order for the same reason: both are the slate's plan, and both count fully for all {n} candidates."),
                    (0, _) => format!("That is why slates give each region its own order, so that every candidate starts with about the same share of first preferences. slatecard's sources have none of the {slate}'s regional orders for this election, so every order here was worked out by slatecard to spread first preferences in that way: a suggestion, not the slate's instruction. A friend in another region has a different order for the same reason, and both count fully for all {n} candidates."),
                    (p, all) => format!("That is why slates give each region its own order, so that every candidate starts with about the same share of first preferences. slatecard's sources have the {slate}'s own order for {p} of the {all} regions; slatecard worked out the others to spread first preferences in that way, and each region's page says which it shows. A friend in another region has a different order for the same reason, and both count fully for all {n} candidates."),
                },
                "What matters is to number the slate's candidates in your own region's order, then carry on with any others you support if you wish: later preferences never count against earlier ones.".to_owned(),
            ],
            chart_title: "How the slate's first preferences spread".to_owned(),
            regional: "Regional orders".to_owned(),
            single: "One order for all".to_owned(),
            simulation_title: "What it changes: a simulated count".to_owned(),
            simulation_label: "A simulation, not a result".to_owned(),
            simulation_intro: format!("slatecard counted a made-up poll twice with the same STV rules: once with the {slate}'s voters following their region's order, once with all of them following one order. Everything else is held equal. The tables give the slate candidates elected each way, for a few shares of the poll and of members who mark only their first preference."),
            wigm: "Slate candidates elected: weighted inclusive Gregory method (as in Scottish council elections)".to_owned(),
            last_parcel: "Slate candidates elected: Gregory method on the last parcel (ERS97 style)".to_owned(),
            slate_share: "Slate's share of the poll".to_owned(),
            plumpers: "Mark only a 1".to_owned(),
            assumptions: "How the simulation was made".to_owned(),
            back: "Back to the orders".to_owned(),
        }
    }

    #[inline]
    fn why_poll(&self, poll: u64, seats: usize) -> String {
        format!("A made-up poll of {} valid votes (as many as in 2020, worked out from its published quota) for {seats} seats, counted twice by STV under each of the two rules above.", self.votes_count(u32::try_from(poll).unwrap_or(u32::MAX)))
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[inline]
    fn why_chart(&self, sim: &Simulation) -> String {
        let single = sim
            .single_order
            .first()
            .and_then(|&i| sim.candidates.get(i));
        let shares: Vec<String> = sim
            .candidates
            .iter()
            .zip(&sim.first_share)
            .map(|(c, s)| format!("{c} {:.0}%", s * 100.0))
            .collect();
        format!(
            "With the regional orders, first preferences: {}. With one order for all, {} would get all of them and the others none.",
            list(&shares.iter().map(String::as_str).collect::<Vec<_>>(), " and "),
            single.map_or("the first name", String::as_str)
        )
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[inline]
    fn why_reading(&self, sims: &[(&Simulation, bool)]) -> Vec<String> {
        sims.iter()
            .map(|(sim, wigm)| {
                let more = sim.scenarios.iter().filter(|s| s.elected_regional > s.elected_single).count();
                let fewer = sim.scenarios.iter().filter(|s| s.elected_regional < s.elected_single).count();
                let rule = if *wigm { "With the weighted inclusive Gregory method" } else { "With the last-parcel rule" };
                let total = sim.scenarios.len();
                match (more, fewer) {
                    (0, 0) => format!("{rule}, the regional orders and one order elected as many slate candidates in all {total} scenarios."),
                    (m, 0) => format!("{rule}, the regional orders elected more slate candidates in {m} of {total} scenarios and never fewer."),
                    (0, f) => format!("{rule}, the regional orders elected fewer slate candidates in {f} of {total} scenarios and never more."),
                    (m, f) => format!("{rule}, the regional orders elected more slate candidates in {m} of {total} scenarios and fewer in {f}."),
                }
            })
            .chain(std::iter::once(
                "Which rule Labour's count uses is not in slatecard's sources, so both are shown. A simulation on a made-up poll shows what can happen, not what will.".to_owned(),
            ))
            .collect()
    }

    #[inline]
    fn data_version(&self, e: &Election) -> String {
        format!(
            "Orders last updated {} · version {} · fingerprint {}",
            self.date(e.updated),
            e.version,
            e.fingerprint
        )
    }

    #[inline]
    fn embed_title(&self, election: Option<&Election>) -> String {
        match election {
            Some(e) => format!("{} — how to vote", e.short_title),
            None => "slatecard — how to vote".to_owned(),
        }
    }

    #[inline]
    fn option_error(&self, e: &OptionError) -> String {
        match e {
            OptionError::NotAnObject => {
                "options must be an object, such as {region: \"wales\"}".to_owned()
            }
            OptionError::NotAString { key } => format!("option \"{key}\" must be a string"),
            OptionError::UnknownElection { value } => {
                let ids: Vec<&str> = Election::all().iter().map(|e| e.id).collect();
                format!("no election \"{value}\": use one of {}", ids.join(", "))
            }
            OptionError::UnknownRegion { value } => format!(
                "no region \"{value}\": use a region's slug, such as \"wales\" or \"north-west\""
            ),
            OptionError::UnknownTheme { value } => {
                format!("theme \"{value}\" is not \"light\", \"dark\" or \"auto\"")
            }
            OptionError::BadAccent { value } => {
                format!("accent \"{value}\" is not a colour like \"#c00\" or \"#cc0000\"")
            }
            OptionError::UnknownLanguage { value } => {
                format!("lang \"{value}\" is not \"en\" (English) or \"cy\" (Welsh)")
            }
            OptionError::UnknownOption { key } => format!(
                "unknown option \"{key}\": the options are election, region, theme, accent and lang"
            ),
        }
    }
    #[inline]
    fn reminder(&self, election: &Election, order: &str) -> ReminderText {
        ReminderText {
            summary: format!("Labour ballot closes: {}", election.short_title),
            description: order.to_owned(),
            alarm: format!("Labour ballot closes tomorrow: {}", election.short_title),
        }
    }

    #[inline]
    fn after_the_slate(&self, i: Instruction) -> String {
        match i {
            Instruction::Rank { count } => format!(
                "After number {count} you may stop, or go on numbering other candidates you support: under STV a later preference never counts against an earlier one."
            ),
            Instruction::Cross { max, .. } => format!(
                "You may also put crosses next to other candidates, up to {max} in all."
            ),
        }
    }

    #[inline]
    fn page_heading(&self, election: &Election) -> String {
        format!("How to vote: {}", election.short_title)
    }

    #[inline]
    fn not_your_region(&self, region: RegionId) -> String {
        format!("This is the order for {}. Not your region?", region.name())
    }

    #[inline]
    fn order_text(&self, election: &Election, r: &ResultView, url: &str) -> String {
        let names = numbered(&r.entries, "X ");
        let whose = match r.source {
            OrderSource::Published { .. } => "The slate's published order.",
            OrderSource::PartlyPublished { .. } => {
                "The first places are the slate's published order; slatecard worked out the rest."
            }
            OrderSource::Generated { .. } => {
                "Worked out by slatecard: the slate did not publish an order for this region."
            }
            OrderSource::NoOrder => "A cross for each; order does not matter.",
        };
        format!(
            "{}, {}:\n{}\n{whose}\n{url}",
            election.short_title,
            r.region.name(),
            names.join("\n")
        )
    }

    #[inline]
    fn shared_list(&self, others: &[RegionId]) -> String {
        format!(
            "The slate gave members in {} this same list.",
            list(&region_names(others), " and ")
        )
    }

    #[inline]
    fn ballot_list(&self, ballot: &BallotView) -> String {
        match ballot {
            BallotView::Complete(lines) => format!(
                "Everyone on the ballot ({} candidates), in the ballot's order, with the slate's marks",
                lines.len()
            ),
            BallotView::Partial(lines) => format!(
                "{} of the names on the ballot, with the slate's marks (our sources do not list them all)",
                lines.len()
            ),
            BallotView::Unknown(_) => self.label(Label::BallotUnknown).to_owned(),
        }
    }

    #[inline]
    fn outcome(&self, o: &Outcome) -> String {
        let when = o
            .announced
            .map(|d| format!(" Announced {}.", self.date(d)))
            .unwrap_or_default();
        let of = if o.slate_elected == o.slate_size {
            format!(
                "All {} of the slate's candidates were elected.",
                o.slate_size
            )
        } else {
            format!(
                "{} of the slate's {} candidates were elected.",
                o.slate_elected, o.slate_size
            )
        };
        format!("{of}{when}")
    }

    #[inline]
    fn votes_count(&self, votes: u32) -> String {
        group_digits(&votes.to_string())
    }

    #[inline]
    fn quota(&self, quota: &str) -> String {
        format!("Quota to be elected: {} votes", quota_figure(quota))
    }

    #[inline]
    fn published_by(&self, publisher: &str, date: Option<Date>) -> Option<String> {
        published(publisher, date.map(|d| self.date(d)))
    }

    #[inline]
    fn seat_result(&self, elected: &[&str]) -> String {
        format!("Elected: {}", self.names(elected))
    }

    #[inline]
    fn elected_round(&self, round: u8) -> String {
        format!("elected in round {round}")
    }

    #[inline]
    fn change(&self, change: &Change) -> String {
        match change.date {
            Some(d) => format!("{}: {}", self.date(d), change.note),
            None => change.note.to_owned(),
        }
    }

    #[inline]
    fn print_text(&self) -> PrintText {
        PrintText {
            number_them: "Number them in this order",
            cross_each: "Put a cross next to each",
            published: "The slate's published order",
            partly_published: "First places published by the slate, the rest worked out by slatecard",
            generated: "Worked out by slatecard: the slate did not publish an order for this region",
            each_region: "Your region's order, numbered",
            landing: "How to fill in your Labour NEC ballot, for your region",
            stall_title: "Cards for a stall",
            stall_hint: "Print this page on A4 (actual size, no margins needed) and cut along the dashed lines: four identical cards.",
            back_to_page: "Back to the order",
            scan: "Scan for this order online",
            not_found: "There is no slatecard page at this address",
            not_found_body: "The link may be mistyped, or from an older version of slatecard. Every region's order is one tap away from the start page.",
            not_found_link: "Find your region's order",
        }
    }

    #[inline]
    fn closes_on(&self, closes: Moment) -> String {
        let weekday = WEEKDAYS[usize::from(closes.date.weekday() % 7)];
        match closes.time {
            None => format!(
                "Voting closes at the end of {weekday} {}",
                self.date(closes.date)
            ),
            Some(_) => format!("Voting closes {weekday} {}", self.moment(closes)),
        }
    }
}
