#include "tests/support/AppProgram.h"

#include <QSignalSpy>

namespace sunshine::test {

bool AppProgram::open(ServerFixture &server, const QString &username, const QString &cachePath)
{
    client = std::make_unique<SyncClient>(server, username, cachePath);
    QString error;
    if (!client->start(&error)) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    if (!client->sync().ok)
        return false;
    client->closeCache();
    session = std::make_unique<app::ClientSession>(client->api(), client->user(), cachePath, server.clock());
    if (!session->open(&error)) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    QSignalSpy units(session.get(), &app::ClientSession::orgUnitsChanged);
    QSignalSpy departments(session.get(), &app::ClientSession::departmentsChanged);
    session->refreshOrgUnits();
    session->refreshDepartments();
    return (units.count() > 0 || units.wait(10000)) && (departments.count() > 0 || departments.wait(10000));
}

} // namespace sunshine::test
