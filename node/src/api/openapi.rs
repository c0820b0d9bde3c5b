//! The OpenAPI 3.1 document of the REST API, served at `/api/v1/openapi.json`.

use utoipa::Modify;
use utoipa::OpenApi;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};

#[derive(Debug)]
struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

#[derive(Debug, OpenApi)]
#[openapi(
    info(title = "nCEN node API", description = "REST API of an nCEN node: national seizure, suspect and company databases, accounts and audit; on the WCO hub, the global CEN database."),
    modifiers(&BearerAuth),
    paths(
        super::node::health, super::node::node, super::node::audit_list, super::node::audit_verify,
        super::accounts::token, super::accounts::logout, super::accounts::change_password, super::accounts::me,
        super::accounts::list, super::accounts::create, super::accounts::unblock, super::accounts::reset_password,
        super::records::list, super::records::create, super::records::batch, super::records::get_one,
        super::records::update, super::records::delete_one, super::records::signed,
        super::federation::list_peers, super::federation::add_peer, super::federation::remove_peer,
        super::federation::list_agreements,
        super::federation::get_agreement, super::federation::propose, super::federation::accept,
        super::federation::reject, super::federation::revoke, super::federation::directory,
        super::federation::add_member, super::federation::pull_now,
        super::cen::seizures, super::cen::statistics, super::global::search, super::global::statistics,
        super::cen_upload::start, super::cen_upload::status, super::cen_upload::administrations,
        super::import::start, super::import::status, super::import::template,
        super::search::search,
        super::photos::upload, super::photos::get_one, super::photos::thumbnail,
        super::operations::list, super::operations::create, super::operations::update,
        super::operations::get_one, super::operations::join, super::operations::send,
        super::operations::read, super::operations::reset_access,
        super::op_export::sqlite, super::op_export::xlsx,
        super::op_forward::forward, super::op_forward::reports, super::operations::attachment,
        super::code_lists::list, super::code_lists::get_one, super::code_lists::release,
        super::code_lists::publish, super::code_lists::take,
        super::board::list, super::board::library, super::board::publish, super::board::get_one,
        super::board::unread, super::board::attachment, super::board::threads, super::board::thread,
        super::board::new_thread, super::board::reply,
    ),
    components(schemas(
        ncen_protocol::model::Seizure, ncen_protocol::model::Suspect, ncen_protocol::model::Company,
        ncen_protocol::validate::FieldError, super::records::BatchErrors,
        ncen_protocol::projection::CenSeizure, crate::cen::CenPage, crate::cen::Statistics,
        crate::cen::GlobalPage, ncen_protocol::global::GlobalStatistics, ncen_protocol::global::FacetCounts,
        ncen_protocol::global::QuantityTotal,
    ))
)]
pub struct ApiDoc;
