//! Roles of user accounts and what each may do (deny by default).

use serde::{Deserialize, Serialize};

/// A user's role at the node.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum, utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
#[value(rename_all = "snake_case")]
pub enum Role {
    /// Runs the node: accounts, peers, agreements, audit.
    Administrator,
    /// Manages the administration's user accounts: creates, unblocks, resets passwords.
    NationalContactPoint,
    /// Records and corrects seizures, suspects and companies; searches.
    Officer,
    /// Searches and analyses; cannot write.
    Analyst,
    /// Reads the audit log.
    Auditor,
    /// Leads officers: everything an officer may, and assigns investigations.
    Supervisor,
}

/// Something a request may need the right to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    ReadRecords,
    WriteRecords,
    ManageUsers,
    ReadAudit,
    /// Peers and agreements (and, at the hub, the member directory).
    ManageFederation,
    /// Reading peers, agreements and the replication state.
    ReadFederation,
    /// The hub's global CEN database.
    ReadCen,
    /// Opening investigations and working on them: notes, links, status.
    WorkInvestigations,
    /// Assigning officers to investigations.
    ManageInvestigations,
    /// Taking part in CENcomm operations the user is named in: reading and sending messages.
    UseOperations,
    /// Creating operations, answering invitations, managing participants and their access.
    CoordinateOperations,
    /// At the hub: publishing alerts, reports, bulletins and library documents.
    Publish,
    /// Writing in the forum (every role reads publications, the library and the forum).
    UseForum,
    /// At the hub: uploading the seizure templates on behalf of a member without a node.
    UploadForMembers,
}

impl Role {
    pub const ALL: [Role; 6] = [
        Role::Administrator,
        Role::NationalContactPoint,
        Role::Supervisor,
        Role::Officer,
        Role::Analyst,
        Role::Auditor,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Administrator => "administrator",
            Role::NationalContactPoint => "national_contact_point",
            Role::Officer => "officer",
            Role::Analyst => "analyst",
            Role::Auditor => "auditor",
            Role::Supervisor => "supervisor",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    pub fn allows(self, p: Permission) -> bool {
        use Permission::*;
        matches!(
            (self, p),
            (
                Role::Officer,
                ReadRecords | WriteRecords | ReadCen | WorkInvestigations | UseOperations | UseForum
            ) | (
                Role::Supervisor,
                ReadRecords
                    | WriteRecords
                    | ReadCen
                    | WorkInvestigations
                    | ManageInvestigations
                    | UseOperations
                    | CoordinateOperations
                    | UseForum
            ) | (Role::Analyst, ReadRecords | ReadCen | UseOperations | Publish | UseForum)
                | (
                    Role::Administrator,
                    ManageUsers | ReadAudit | ManageFederation | ReadFederation | Publish | UploadForMembers
                )
                | (Role::NationalContactPoint, ManageUsers | CoordinateOperations | UseForum)
                | (Role::Auditor, ReadAudit | ReadFederation)
        )
    }

    /// Whether an account with this role may create or manage an account with `other`.
    pub fn may_manage(self, other: Role) -> bool {
        match self {
            Role::Administrator => true,
            Role::NationalContactPoint => other != Role::Administrator,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deny_by_default() {
        assert!(!Role::Officer.allows(Permission::ManageUsers));
        assert!(!Role::Analyst.allows(Permission::WriteRecords));
        assert!(!Role::Auditor.allows(Permission::ReadRecords));
        assert!(!Role::Administrator.allows(Permission::WriteRecords));
        assert!(Role::Officer.allows(Permission::WriteRecords));
        assert!(!Role::NationalContactPoint.may_manage(Role::Administrator));
        assert!(!Role::Officer.allows(Permission::ManageInvestigations));
        assert!(Role::Supervisor.allows(Permission::ManageInvestigations));
        assert!(!Role::Analyst.allows(Permission::WorkInvestigations));
        assert!(Role::NationalContactPoint.may_manage(Role::Officer));
        assert!(!Role::Officer.allows(Permission::Publish));
        assert!(!Role::Auditor.allows(Permission::UseForum));
        assert!(Role::Administrator.allows(Permission::UploadForMembers));
        for r in [Role::Officer, Role::Supervisor, Role::Analyst, Role::Auditor, Role::NationalContactPoint] {
            assert!(!r.allows(Permission::UploadForMembers));
        }
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
    }
}
