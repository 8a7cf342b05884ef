#include "server/funds/FundLineService.h"

#include "common/api/ApiError.h"

#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

namespace {

const QString kSelect =
    u"SELECT code, article, name, lead_department, kind, cycle, recipient, note, created_at, created_by "
    u"FROM fund_lines "_s;

QList<FundLineService::Stored> readLines(SqlQuery &q)
{
    QList<FundLineService::Stored> out;
    while (q.next()) {
        FundLineService::Stored s;
        const funds::FundLineText text{q.text(0), q.text(1), q.text(2), q.text(3),
                                       q.text(4), q.text(5), q.text(6), q.text(7)};
        if (const auto p = funds::FundCatalog::validateLine(text, &s.line)) {
            qWarning("fund line \"%s\" in the store is not valid (%s); left out", qPrintable(text.code),
                     qPrintable(p->message));
            continue;
        }
        s.createdAtMs = q.int64(8);
        s.createdBy = q.text(9);
        out.append(s);
    }
    return out;
}

// The level of the scope's own unit: "/320600000000/" is the city, one more segment per level.
OrgLevel levelOf(const Scope &scope)
{
    return OrgLevel(qBound(1, int(scope.orgPath.count(u'/')) - 1, 4));
}

} // namespace

QJsonObject FundLineService::Stored::toJson() const
{
    QJsonObject o = funds::fundLineToJson(line);
    o.insert(u"createdAt"_s, createdAtMs);
    o.insert(u"createdBy"_s, createdBy);
    return o;
}

FundLineService::FundLineService(Store &store, AuditLog &audit, const Clock &clock)
    : m_store(store)
    , m_audit(audit)
    , m_clock(clock)
{}

QList<FundLineService::Stored> FundLineService::added()
{
    SqlQuery q(m_store, kSelect + u"ORDER BY created_at, code"_s);
    q.exec();
    return readLines(q);
}

std::optional<funds::FundLine> FundLineService::find(const QString &code)
{
    SqlQuery q(m_store, kSelect + u"WHERE code = ?"_s);
    q.bindText(code).exec();
    const QList<Stored> found = readLines(q);
    if (found.isEmpty())
        return std::nullopt;
    return found.first().line;
}

QList<FundLineService::DepartmentName> FundLineService::departmentNames()
{
    SqlQuery q(m_store,
               u"SELECT d.code, d.name, o.name FROM departments d JOIN org_units o ON o.id = d.org_unit_id "
               u"ORDER BY o.level, o.path, d.sort_order, d.code"_s);
    q.exec();
    QList<DepartmentName> out;
    QSet<QString> seen;
    while (q.next()) {
        const QString code = q.text(0);
        if (seen.contains(code))
            continue;
        seen.insert(code);
        QString name = q.text(1);
        const QString place = q.text(2);
        if (name.startsWith(place) && name.size() > place.size())
            name = name.mid(place.size());
        out.append({code, name});
    }
    return out;
}

void FundLineService::refreshCatalog()
{
    QList<funds::FundLine> lines;
    for (const Stored &s : added())
        lines.append(s.line);
    funds::FundCatalog::setAddedLines(lines);
}

void FundLineService::install()
{
    refreshCatalog();
    m_resolverToken = funds::FundCatalog::setMissResolver([this](const QString &code) {
        try {
            return find(code);
        } catch (const StoreError &e) {
            qWarning("fund line lookup failed: %s", e.what());
            return std::optional<funds::FundLine>();
        }
    });
}

void FundLineService::uninstall()
{
    if (m_resolverToken != 0)
        funds::FundCatalog::clearMissResolver(m_resolverToken);
    m_resolverToken = 0;
}

void FundLineService::requireManager(const AuthSession &actor)
{
    if (!funds::canManageFundLines(actor.scope.roles, levelOf(actor.scope)))
        throw ApiError(ErrorCode::Forbidden, u"只有市级系统管理员可以维护资金目录"_s);
}

qint64 FundLineService::usageCount(const QString &code)
{
    const QString sql = u"SELECT COUNT(*) FROM records WHERE deleted = 0 AND "_s +
                        m_store.fieldSql(u"fundCode"_s) + u" = ?"_s;
    SqlQuery q(m_store, sql);
    q.bindText(code).exec();
    return q.next() ? q.int64(0) : 0;
}

FundLineService::Stored FundLineService::add(const AuthSession &actor, const funds::FundLineText &text,
                                             const QString &address)
{
    requireManager(actor);
    Stored s;
    if (const auto p = funds::FundCatalog::validateLine(text, &s.line))
        throw ApiError(ErrorCode::ValidationFailed, p->chineseMessage, p->field);
    const funds::FundLine &line = s.line;
    if (const auto builtIn = funds::FundCatalog::builtIn().find(line.code))
        throw ApiError(ErrorCode::DuplicateCode,
                       u"编码“%1”已是内置资金项目“%2”的编码"_s.arg(line.code, builtIn->name), u"code"_s);
    {
        SqlQuery dept(m_store, u"SELECT 1 FROM departments WHERE code = ?"_s);
        dept.bindText(line.leadDepartment).exec();
        if (!dept.next())
            throw ApiError(ErrorCode::ValidationFailed,
                           u"牵头部门“%1”不存在"_s.arg(line.leadDepartment.left(32)), u"leadDepartment"_s);
    }
    s.createdAtMs = m_clock.nowMs();
    s.createdBy = actor.userId;
    {
        Transaction tx(m_store);
        SqlQuery exists(m_store, u"SELECT name FROM fund_lines WHERE code = ?"_s);
        exists.bindText(line.code).exec();
        if (exists.next())
            throw ApiError(ErrorCode::DuplicateCode,
                           u"编码“%1”已被资金项目“%2”使用"_s.arg(line.code, exists.text(0)), u"code"_s);
        SqlQuery(m_store, u"INSERT INTO fund_lines (code, article, name, lead_department, kind, cycle, "
                          u"recipient, note, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s)
            .bindText(line.code)
            .bindText(line.article)
            .bindText(line.name)
            .bindText(line.leadDepartment)
            .bindText(funds::fundKindName(line.kind))
            .bindText(funds::paymentCycleName(line.cycle))
            .bindText(funds::recipientName(line.recipient))
            .bindText(line.note.isNull() ? u""_s : line.note)
            .bind(s.createdAtMs)
            .bindText(actor.userId)
            .exec();
        m_audit.append({actor.userId, actor.username, u"fund-line.create"_s, u"fund-line"_s, line.code,
                        funds::fundLineToJson(line), address});
        tx.commit();
    }
    refreshCatalog();
    return s;
}

void FundLineService::remove(const AuthSession &actor, const QString &code, const QString &address)
{
    requireManager(actor);
    if (const auto builtIn = funds::FundCatalog::builtIn().find(code))
        throw ApiError(ErrorCode::Forbidden, u"“%1”是条例规定的内置资金项目，不能删除"_s.arg(builtIn->name),
                       u"code"_s);
    try {
        Transaction tx(m_store);
        // The commit-order lock every push takes before it commits: a push that already checked its records
        // against this line commits before the count below, and none commits one after it.
        SqlQuery(m_store, u"UPDATE sync_head SET seq = seq WHERE id = 1"_s).exec();
        SqlQuery q(m_store, kSelect + u"WHERE code = ?"_s);
        q.bindText(code).exec();
        const QList<Stored> found = readLines(q);
        if (found.isEmpty())
            throw ApiError(ErrorCode::NotFound, u"资金项目“%1”不存在"_s.arg(code.left(64)), u"code"_s);
        const qint64 used = usageCount(code);
        if (used > 0)
            throw ApiError(
                ErrorCode::InUse,
                u"资金项目“%1”仍有 %2 条记录在使用，不能删除"_s.arg(found.first().line.name).arg(used),
                u"code"_s)
                .withDetail(u"records"_s, used);
        SqlQuery(m_store, u"DELETE FROM fund_lines WHERE code = ?"_s).bindText(code).exec();
        m_audit.append({actor.userId, actor.username, u"fund-line.delete"_s, u"fund-line"_s, code,
                        funds::fundLineToJson(found.first().line), address});
        // Out of this process's catalog before the commit, so no push here accepts a record on it after.
        QList<funds::FundLine> rest;
        for (const funds::FundLine &l : funds::FundCatalog::addedLines()) {
            if (l.code != code)
                rest.append(l);
        }
        funds::FundCatalog::setAddedLines(rest);
        tx.commit();
    } catch (...) {
        refreshCatalog();
        throw;
    }
    refreshCatalog();
}

} // namespace sunshine
