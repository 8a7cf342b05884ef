#pragma once

#include <QCommandLineParser>
#include <QSettings>
#include <QString>
#include <memory>

namespace sunshine {

// The server's options: the command line first, then the configuration file (`--config FILE`, or the
// environment variable SUNSHINE_CONFIG), a QSettings INI file whose keys are the long option names
// ("listen=0.0.0.0:8443", "database=postgresql://sunshine@db:5432/sunshine", "demo=false"). No password is
// accepted there: PostgreSQL's comes from a file or the environment, as on the command line.
class ServerOptions
{
public:
    explicit ServerOptions(const QCommandLineParser &parser);

    // Reads the configuration file, if any; false with a Chinese reason (missing, unreadable, a password in
    // it, an unknown key).
    bool load(const QStringList &knownKeys, QString *error);

    // Set on the command line, or in the file (a flag in the file: true, yes, on or 1).
    bool isSet(const QString &name) const;
    // The command line's value, else the file's, else the option's default.
    QString value(const QString &name) const;
    QString configFile() const { return m_file; }

private:
    const QCommandLineParser &m_parser;
    QString m_file;
    std::unique_ptr<QSettings> m_settings;
};

} // namespace sunshine
