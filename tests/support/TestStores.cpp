#include "tests/support/TestStores.h"

#include "tests/support/PgCluster.h"

#include <QTemporaryDir>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::test {

StoreConfig::Kind testStoreKind()
{
    const QString name = qEnvironmentVariable("SUNSHINE_TEST_STORE", u"sqlite"_s).trimmed().toLower();
    if (name == u"sqlite"_s || name.isEmpty())
        return StoreConfig::Kind::Sqlite;
    if (name == u"postgresql"_s || name == u"postgres"_s || name == u"pg"_s)
        return StoreConfig::Kind::Postgresql;
    qFatal("SUNSHINE_TEST_STORE must be \"sqlite\" or \"postgresql\", not \"%s\"", qPrintable(name));
}

QString testStoreName()
{
    return testStoreKind() == StoreConfig::Kind::Sqlite ? u"sqlite"_s : u"postgresql"_s;
}

StoreConfig freshStoreConfig(QString *error)
{
    return freshStoreConfig(testStoreKind(), error);
}

StoreConfig freshStoreConfig(StoreConfig::Kind kind, QString *error)
{
    QString why;
    StoreConfig config;
    if (kind == StoreConfig::Kind::Sqlite) {
        static QTemporaryDir dir;
        static int counter = 0;
        if (dir.isValid()) {
            config.kind = StoreConfig::Kind::Sqlite;
            config.sqlitePath = dir.filePath(u"store-%1.db"_s.arg(++counter));
            return config;
        }
        why = u"no temporary directory for SQLite stores: %1"_s.arg(dir.errorString());
    } else if (PgCluster *cluster = PgCluster::instance(&why)) {
        config = cluster->createUniqueDatabase(&why);
        if (!config.pgDatabase.isEmpty())
            return config;
    }
    if (!error)
        qFatal("freshStoreConfig: %s", qPrintable(why));
    *error = why;
    return StoreConfig();
}

} // namespace sunshine::test
