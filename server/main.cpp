#include "common/core/Version.h"
#include "server/cli/ServerMain.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Sunshine"));
    QCoreApplication::setApplicationName(QStringLiteral("sunshine-server"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(sunshine::kVersion));
    return sunshine::serverMain(QCoreApplication::arguments());
}
