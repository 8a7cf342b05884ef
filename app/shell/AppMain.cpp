#include "app/shell/AppMain.h"

#include "app/secrets/CredentialStore.h"
#include "app/settings/AppSettings.h"
#include "app/shell/AppController.h"
#include "app/shell/StartupProbe.h"
#include "common/core/Version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QFontDatabase>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>
#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

namespace {

void installTranslations(QApplication &app, const QString &language)
{
    if (language == u"en"_s)
        return; // the source language
    auto *qt = new QTranslator(&app);
    if (qt->load(u"qtbase_zh_CN"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
    auto *own = new QTranslator(&app);
    if (own->load(u":/i18n/sunshine_zh_CN.qm"_s))
        QApplication::installTranslator(own);
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
}

void chooseFont()
{
#if defined(Q_OS_LINUX)
    // Fontconfig may pick Japanese glyph shapes for Han characters; ask for the Simplified Chinese face.
    if (QFontDatabase::families().contains(u"Noto Sans CJK SC"_s)) {
        QFont f = QApplication::font();
        f.setFamilies({u"Noto Sans CJK SC"_s, f.family()});
        QApplication::setFont(f);
    }
#endif
}

} // namespace

int appMain(int argc, char *argv[])
{
    const qint64 mainNs = StartupProbe::nowNs();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"Sunshine"_s);
    QApplication::setApplicationName(u"Sunshine+"_s);
    QApplication::setApplicationVersion(QString::fromLatin1(kVersion));
    QApplication::setWindowIcon(QIcon(u":/icons/sunshine.svg"_s));

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Sunshine+ desktop program"_s);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions(
        {{u"server"_s, u"Server address to use and remember, e.g. https://127.0.0.1:8443"_s, u"URL"_s},
         {u"ca-cert"_s, u"Certificate authority (PEM) to trust for the server, remembered"_s, u"FILE"_s},
         {u"benchmark-startup"_s,
          u"Benchmark: once the table named by --benchmark-table has shown its first page, write start-up "
          u"timings to FILE and quit"_s,
          u"FILE"_s},
         {u"benchmark-table"_s,
          u"Benchmark: the object name of the table whose first page ends the start-up"_s, u"NAME"_s}});
    parser.process(app);
    std::unique_ptr<StartupProbe> probe;
    if (parser.isSet(u"benchmark-startup"_s))
        probe = std::make_unique<StartupProbe>(parser.value(u"benchmark-startup"_s),
                                               parser.value(u"benchmark-table"_s), mainNs);

    AppSettings settings;
    if (parser.isSet(u"server"_s))
        settings.setServerUrl(QUrl::fromUserInput(parser.value(u"server"_s)));
    if (parser.isSet(u"ca-cert"_s))
        settings.setCaCertificateFile(QFileInfo(parser.value(u"ca-cert"_s)).absoluteFilePath());

    installTranslations(app, settings.language());
    chooseFont();

    KeychainCredentialStore credentials;
    AppController controller(settings, credentials);
    QObject::connect(&controller, &AppController::finished, &app, &QApplication::quit);
    controller.start();
    return QApplication::exec();
}

} // namespace sunshine::app
