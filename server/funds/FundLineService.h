#pragma once

#include "common/core/Clock.h"
#include "common/funds/FundCatalog.h"
#include "server/audit/AuditLog.h"
#include "server/http/HttpTypes.h"
#include "server/store/Store.h"

#include <QJsonObject>
#include <QList>
#include <optional>

namespace sunshine {

// The fund lines administrators add to the catalog (table fund_lines). Built-in lines come with the program
// and are never stored or removed; added lines join the catalog in force (funds::FundCatalog::setAddedLines)
// of this process. Other server processes on the same database see an added line at their first lookup of its
// code (the catalog's miss resolver), and pick up the whole table at start, at GET /api/v1/fund-lines and at
// each add or delete of their own.
class FundLineService
{
public:
    FundLineService(Store &store, AuditLog &audit, const Clock &clock);

    // A stored line with who added it and when.
    struct Stored
    {
        funds::FundLine line;
        qint64 createdAtMs = 0;
        QString createdBy; // user id
        QJsonObject toJson() const;
    };
    // A department code with the name of its highest-level department ("财政局"), for the lead department.
    struct DepartmentName
    {
        QString code;
        QString name;
    };

    QList<Stored> added();
    std::optional<funds::FundLine> find(const QString &code);
    // Distinct department codes, in the order of the departments at the highest level.
    QList<DepartmentName> departmentNames();

    // Reads the table into the catalog in force.
    void refreshCatalog();
    // Installs refreshCatalog() results and the miss resolver; undone by uninstall().
    void install();
    void uninstall();

    // Administrators at city level only (funds::canManageFundLines). Throws ApiError: FORBIDDEN,
    // VALIDATION_FAILED (field named), DUPLICATE_CODE (also for a built-in code).
    Stored add(const AuthSession &actor, const funds::FundLineText &text, const QString &address);
    // Built-in: FORBIDDEN; unknown: NOT_FOUND; used by live records: IN_USE with "records" (their count).
    void remove(const AuthSession &actor, const QString &code, const QString &address);
    // Live (not deleted) records of any type whose fundCode is `code`.
    qint64 usageCount(const QString &code);

private:
    void requireManager(const AuthSession &actor);

    Store &m_store;
    AuditLog &m_audit;
    const Clock &m_clock;
    quint64 m_resolverToken = 0;
};

} // namespace sunshine
