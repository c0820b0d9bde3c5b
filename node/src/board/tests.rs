//! The board at one hub and one member, without a network: publishing, posts accepted only from
//! a directory member that signed them, pages that fit a response, and a member keeping only
//! what verifies.

use super::hub::NewPublication;
use super::member::NewPost;
use super::*;
use crate::store::Store;
use ncen_protocol::directory::Member;
use ncen_protocol::wire::Response;

type R = Result<(), Box<dyn std::error::Error>>;

fn node(
    me: &str,
    hub: Option<String>,
) -> Result<(tempfile::TempDir, Board, Arc<Identity>), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let journal = Arc::new(Journal::open(Store::open(&dir.path().join("db"), true)?, me)?);
    let identity = Arc::new(Identity::generate()?);
    Ok((
        dir,
        Board::new(journal, identity.clone(), me, hub, crate::codelists::CatalogHandle::builtin()),
        identity,
    ))
}

fn alert(title: &str) -> NewPublication {
    NewPublication {
        kind: PublicationKind::Alert,
        language: "en".into(),
        title: title.into(),
        body: "Cocaine in banana boxes from Guayaquil".into(),
        regions: vec!["EC".into()],
        commodities: vec!["DRUGS.COCAINE".into()],
        files: vec![("profile.pdf".into(), b"%PDF-1.7 risk profile".to_vec())],
    }
}

fn entries(r: Response) -> (Vec<ncen_protocol::wire::BoardEntry>, u64, u64) {
    match r {
        Response::BoardEntries { entries, next, head } => (entries, next, head),
        _ => (Vec::new(), 0, 0),
    }
}

#[test]
fn posts_reach_the_log_only_from_the_member_that_signed_them() -> R {
    let (_h, hub, hub_id) = node("WCO", None)?;
    let (_n, nl, nl_id) = node("NL", Some(hub_id.peer_id().to_owned()))?;
    let member =
        Member { administration: "NL".into(), peer_id: nl_id.peer_id().to_owned(), addresses: vec![] };
    hub.directory.put_member("admin", member)?;
    // NL gets the hub's signed directory as the engine would.
    let (_, signed_dir) = hub.directory.current()?.ok_or("directory")?;
    nl.directory.accept(&signed_dir)?;

    let p = hub.publish("analyst", alert("Reefers from Guayaquil"))?;
    assert_eq!(p.attachments[0].media_type, "application/pdf");
    assert!(matches!(nl.publish("x", alert("no")), Err(BoardError::NotHub)));
    let bad = NewPublication { title: String::new(), ..alert("") };
    assert!(matches!(hub.publish("analyst", bad), Err(BoardError::Invalid(_))));
    assert_eq!(hub.head()?, 1);

    let post = nl.write_post(
        "officer",
        NewPost { thread: None, title: "Reefers".into(), body: "Seen".into(), in_reply_to: None },
    )?;
    let (id, signed) = nl.outbox()?.pop().ok_or("outbox")?;
    assert_eq!(id, post.id);

    // A stranger, and a member sending another node's post, are refused with nothing stored.
    let stranger = Identity::generate()?;
    assert!(matches!(hub.receive_post(stranger.peer_id(), &signed), Err(BoardError::Refused(_))));
    let forged = post.sign(stranger.signing_key(), nl_id.peer_id())?;
    assert!(matches!(hub.receive_post(nl_id.peer_id(), &forged), Err(BoardError::Refused(_))));
    let mut claims = post.clone();
    claims.author_administration = "BE".into();
    let claims = claims.sign(nl_id.signing_key(), nl_id.peer_id())?;
    assert!(matches!(hub.receive_post(nl_id.peer_id(), &claims), Err(BoardError::Refused(_))));
    assert_eq!(hub.head()?, 1, "nothing stored on refusal");

    assert!(hub.receive_post(nl_id.peer_id(), &signed)?);
    assert!(!hub.receive_post(nl_id.peer_id(), &signed)?, "a post is stored once");
    assert_eq!(hub.head()?, 2);

    // The member keeps what verifies, and refuses a post the hub could not prove.
    let (mut page, next, head) = entries(hub.serve(0, 100)?.0);
    assert_eq!((page.len(), next, head), (2, 2, 2));
    page.push(ncen_protocol::wire::BoardEntry { seq: 3, envelope: serde_bytes::ByteBuf::from(forged) });
    let applied = nl.apply(&page, 3, false)?;
    assert_eq!(applied.applied, 2);
    assert_eq!(applied.rejected.len(), 1);
    assert_eq!(nl.cursor()?, 3);
    assert_eq!(nl.threads()?.len(), 1);
    assert_eq!(nl.publications(&PublicationFilter::default())?.len(), 1);
    assert_eq!(nl.unread("officer")?, 1);
    nl.open("officer", p.id)?;
    assert_eq!(nl.unread("officer")?, 0);
    assert_eq!(nl.unread("analyst")?, 1, "read markers are per user");
    let found =
        nl.publications(&PublicationFilter { words: Some("GUAYAQUIL banana".into()), ..Default::default() })?;
    assert_eq!(found.len(), 1);
    let none = nl.publications(&PublicationFilter { words: Some("tobacco".into()), ..Default::default() })?;
    assert!(none.is_empty());
    Ok(())
}

#[test]
fn pages_fit_a_response() -> R {
    let (_h, hub, _) = node("WCO", None)?;
    let big = vec![0u8; ncen_protocol::operation::MAX_ATTACHMENT_BYTES];
    for i in 0..6 {
        let mut p = alert(&format!("Bulletin {i}"));
        p.files = vec![("a.bin".into(), big.clone()), ("b.bin".into(), big.clone())];
        hub.publish("analyst", p)?;
    }
    let (page, next, head) = entries(hub.serve(0, 1000)?.0);
    let bytes: usize = page.iter().map(|e| e.envelope.len()).sum();
    assert!(bytes < ncen_protocol::wire::MAX_RESPONSE_BYTES);
    assert!(page.len() < 6 && next < head, "{} entries, next {next}, head {head}", page.len());
    let (rest, next, _) = entries(hub.serve(next, 1000)?.0);
    assert_eq!(page.len() + rest.len(), 6);
    assert_eq!(next, head);
    Ok(())
}
