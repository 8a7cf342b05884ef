#include "server/accounts/UserRepository.h"

#include <QHash>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

namespace {

const QString kSelect =
    u"SELECT u.id, u.username, u.display_name, u.org_unit_id, o.name, o.level, o.path, u.department_id, "
    u"d.name, "
    u"u.phone, u.active, u.must_change_password, u.locked_until, u.last_login_at, u.created_at, "
    u"u.updated_at, "
    u"u.version, u.password_hash, u.failed_logins "
    u"FROM users u JOIN org_units o ON o.id = u.org_unit_id LEFT JOIN departments d ON d.id = u.department_id "_s;

UserRecord readRow(SqlQuery &q)
{
    UserRecord r;
    UserInfo &u = r.info;
    u.id = q.text(0);
    u.username = q.text(1);
    u.displayName = q.text(2);
    u.orgUnitId = q.text(3);
    u.orgUnitName = q.text(4);
    u.orgLevel = OrgLevel(q.int64(5));
    r.orgPath = q.text(6);
    u.departmentId = q.text(7);
    u.departmentName = q.text(8);
    u.phone = q.text(9);
    u.active = q.flag(10);
    u.mustChangePassword = q.flag(11);
    u.lockedUntilMs = q.int64(12);
    u.lastLoginMs = q.int64(13);
    u.createdMs = q.int64(14);
    u.updatedMs = q.int64(15);
    u.version = q.int64(16);
    r.passwordHash = q.text(17).toLatin1();
    r.failedLogins = int(q.int64(18));
    return r;
}

} // namespace

QString containsPattern(const QString &text)
{
    QString escaped = text;
    escaped.replace(u"\\"_s, u"\\\\"_s).replace(u"%"_s, u"\\%"_s).replace(u"_"_s, u"\\_"_s);
    return u'%' + escaped + u'%';
}

UserRepository::UserRepository(Store &store)
    : m_store(store)
{}

std::optional<UserRecord> UserRepository::one(const QString &where, const QString &value)
{
    SqlQuery q(m_store, kSelect + where);
    q.bindText(value).exec();
    if (!q.next())
        return std::nullopt;
    UserRecord r = readRow(q);
    loadRoles({&r.info});
    return r;
}

std::optional<UserRecord> UserRepository::byId(const QString &id)
{
    return one(u"WHERE u.id = ?"_s, id);
}

std::optional<UserRecord> UserRepository::byUsername(const QString &username)
{
    return one(u"WHERE u.username = ?"_s, username.trimmed().toLower());
}

void UserRepository::loadRoles(QList<UserInfo *> users)
{
    if (users.isEmpty())
        return;
    QHash<QString, UserInfo *> byId;
    QStringList marks;
    for (UserInfo *u : users) {
        byId.insert(u->id, u);
        marks.append(u"?"_s);
    }
    SqlQuery q(m_store,
               u"SELECT user_id, role FROM user_roles WHERE user_id IN (%1) ORDER BY user_id, role"_s.arg(
                   marks.join(u',')));
    for (UserInfo *u : users)
        q.bindText(u->id);
    q.exec();
    QHash<QString, QStringList> names;
    while (q.next())
        names[q.text(0)].append(q.text(1));
    for (UserInfo *u : users) {
        // Keep the canonical order clerk, reviewer, leader, supervisor, admin.
        RoleSet ordered;
        const RoleSet found = rolesFromNames(names.value(u->id));
        for (const Role r : allRoles()) {
            if (found.contains(r))
                ordered.append(r);
        }
        u->roles = ordered;
    }
}

UserRepository::Page UserRepository::list(const ListQuery &query)
{
    QString where = u"WHERE o.path LIKE ? ESCAPE '\\'"_s;
    QVariantList binds{QString(query.scopePath + u'%')};
    if (!query.search.trimmed().isEmpty()) {
        where += u" AND (lower(u.username) LIKE ? ESCAPE '\\' OR u.display_name LIKE ? ESCAPE '\\' "
                 u"OR u.phone LIKE ? ESCAPE '\\')"_s;
        const QString p = containsPattern(query.search.trimmed());
        binds << p.toLower() << p << p;
    }
    if (query.active) {
        where += u" AND u.active = ?"_s;
        binds << (*query.active ? 1 : 0);
    }
    if (query.role) {
        where += u" AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = ?)"_s;
        binds << roleName(*query.role);
    }

    Page page;
    SqlQuery count(m_store, u"SELECT COUNT(*) FROM users u JOIN org_units o ON o.id = u.org_unit_id "
                            u"LEFT JOIN departments d ON d.id = u.department_id "_s +
                                where);
    for (const QVariant &b : std::as_const(binds))
        count.bind(b);
    count.exec();
    page.total = count.next() ? count.int64(0) : 0;

    static const QHash<QString, QString> columns{
        {u"username"_s, u"u.username"_s}, {u"displayName"_s, u"u.display_name"_s},
        {u"orgUnit"_s, u"o.path"_s},      {u"department"_s, u"d.name"_s},
        {u"active"_s, u"u.active"_s},     {u"lastLogin"_s, u"u.last_login_at"_s},
        {u"updated"_s, u"u.updated_at"_s}};
    const QString column = columns.value(query.sortKey, u"u.username"_s);
    const QString dir = query.descending ? u" DESC"_s : u" ASC"_s;
    SqlQuery q(m_store,
               kSelect + where + u" ORDER BY "_s + column + dir + u", u.id" + dir + u" LIMIT ? OFFSET ?"_s);
    for (const QVariant &b : std::as_const(binds))
        q.bind(b);
    q.bind(query.limit).bind(query.offset).exec();
    while (q.next())
        page.items.append(readRow(q).info);
    QList<UserInfo *> ptrs;
    for (UserInfo &u : page.items)
        ptrs.append(&u);
    loadRoles(ptrs);
    return page;
}

void UserRepository::replaceRoles(const QString &userId, const RoleSet &roles)
{
    SqlQuery(m_store, u"DELETE FROM user_roles WHERE user_id = ?"_s).bindText(userId).exec();
    for (const Role r : roles)
        SqlQuery(m_store, u"INSERT INTO user_roles (user_id, role) VALUES (?, ?)"_s)
            .bindText(userId)
            .bindText(roleName(r))
            .exec();
}

} // namespace sunshine
