#include "server/store/Migrator.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

namespace {

QMap<int, QString> filesIn(const QString &dir)
{
    static const QRegularExpression re(u"^(\\d{4})_[a-z0-9_]+\\.sql$"_s);
    QMap<int, QString> files;
    const QStringList names = QDir(dir).entryList({u"*.sql"_s}, QDir::Files, QDir::Name);
    for (const QString &n : names) {
        const auto m = re.match(n);
        if (m.hasMatch())
            files.insert(m.captured(1).toInt(), dir + u'/' + n);
    }
    return files;
}

// The migrations for one kind of store: the shared ones, each replaced by the store's own where it has one.
QMap<int, QString> migrationFiles(const QString &storeKind)
{
    QMap<int, QString> files = filesIn(u":/migrations/common"_s);
    const QMap<int, QString> own = filesIn(u":/migrations/"_s + storeKind);
    for (auto it = own.constBegin(); it != own.constEnd(); ++it)
        files.insert(it.key(), it.value());
    return files;
}

// Runs one statement without preparing it: PostgreSQL cannot PREPARE DDL (CREATE TABLE, CREATE INDEX, ...).
void execDirect(Store &store, const QString &sql)
{
    QSqlQuery q(store.connection());
    store.countAccess();
    if (!q.exec(sql)) {
        const QSqlError err = q.lastError();
        const bool lost = err.type() == QSqlError::ConnectionError;
        if (lost)
            store.closeThreadConnection();
        throw StoreError(u"SQL failed: %1 [%2]"_s.arg(err.text(), sql), lost);
    }
}

// Advisory lock so that two server processes starting together on one PostgreSQL migrate one at a time.
constexpr qint64 kMigrationLockKey = 7270001;

} // namespace

Migrator::Migrator(Store &store)
    : m_store(store)
{}

int Migrator::latestVersion()
{
    const QMap<int, QString> sqlite = migrationFiles(u"sqlite"_s);
    const QMap<int, QString> postgres = migrationFiles(u"postgresql"_s);
    return qMax(sqlite.isEmpty() ? 0 : sqlite.lastKey(), postgres.isEmpty() ? 0 : postgres.lastKey());
}

void Migrator::ensureVersionTable()
{
    execDirect(m_store, u"CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, "
                        u"applied_at BIGINT NOT NULL)"_s);
}

int Migrator::currentVersion()
{
    ensureVersionTable();
    SqlQuery q(m_store, u"SELECT COALESCE(MAX(version), 0) FROM schema_version"_s);
    q.exec();
    return q.next() ? int(q.int64(0)) : 0;
}

QStringList Migrator::statementsOf(int version) const
{
    const QString path = migrationFiles(m_store.config().kindName()).value(version);
    QFile f(path);
    if (path.isEmpty() || !f.open(QIODevice::ReadOnly))
        return {};
    QString sql = QString::fromUtf8(f.readAll());
    // Drop comment lines, then split on statement ends.
    static const QRegularExpression comments(u"^\\s*--[^\\n]*$"_s, QRegularExpression::MultilineOption);
    sql.remove(comments);
    QStringList out;
    const QStringList parts = sql.split(u";"_s);
    for (const QString &p : parts) {
        if (!p.trimmed().isEmpty())
            out.append(p.trimmed());
    }
    return out;
}

bool Migrator::migrate(QString *error, int target)
{
    const int latest = latestVersion();
    if (target < 0)
        target = latest;
    try {
        if (m_store.isPostgres())
            SqlQuery(m_store, u"SELECT pg_advisory_lock(?)"_s).bind(kMigrationLockKey).exec();
        struct Unlock
        {
            Store &store;
            ~Unlock()
            {
                if (store.isPostgres()) {
                    try {
                        SqlQuery(store, u"SELECT pg_advisory_unlock(?)"_s).bind(kMigrationLockKey).exec();
                    } catch (const StoreError &) {
                    }
                }
            }
        } unlock{m_store};

        const int current = currentVersion();
        if (current > latest) {
            *error = u"数据库架构版本为 %1，由较新版本的阳光扶贫+ 写入；本程序只支持到版本 %2。"
                     u"请升级服务器程序后再启动，不要用旧版本打开此数据库。"_s.arg(current)
                         .arg(latest);
            return false;
        }
        for (int v = current + 1; v <= target; ++v) {
            const QStringList statements = statementsOf(v);
            if (statements.isEmpty()) {
                *error = u"找不到数据库迁移 %1（%2）"_s.arg(v).arg(m_store.config().kindName());
                return false;
            }
            Transaction tx(m_store);
            for (const QString &s : statements)
                execDirect(m_store, s);
            SqlQuery(m_store, u"INSERT INTO schema_version (version, applied_at) VALUES (?, ?)"_s)
                .bind(v)
                .bind(QDateTime::currentMSecsSinceEpoch())
                .exec();
            tx.commit();
        }
        return true;
    } catch (const StoreError &e) {
        *error = u"数据库迁移失败：%1"_s.arg(QString::fromStdString(e.what()));
        return false;
    }
}

} // namespace sunshine
