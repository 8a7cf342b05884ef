#pragma once

#include "app/sync/ClientModule.h"
#include "common/funds/FundCatalog.h"

#include <QList>
#include <QString>

namespace sunshine::app {

class ClientSession;

// The fund lines administrators added (GET /api/v1/fund-lines), kept in the cache and set into the catalog in
// force (funds::FundCatalog::setAddedLines) when the cache opens, so rules and forms see them offline too.
// Fetched after sign-in and after each sync round that went through. The funds module's part of a session.
class FundLineCache final : public ClientModule
{
    Q_OBJECT
public:
    explicit FundLineCache(ClientSession &session);

    // This session's cache of added lines.
    static FundLineCache *of(const ClientSession &session);

    void opened() override;
    void refresh() override;
    // A line just added by this user, in force at once (the next refresh confirms it).
    void remember(const funds::FundLine &line);

    // The department codes a fund line may name as its lead department, with their names ("农业农村局").
    struct LeadDepartment
    {
        QString code;
        QString name;
    };
    QList<LeadDepartment> leadDepartments() const;

Q_SIGNALS:
    void changed();

private:
    ClientSession &m_session;
};

} // namespace sunshine::app
