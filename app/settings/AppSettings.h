#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QUrl>

namespace sunshine::app {

// The program's settings, typed. Secrets (session tokens) are never kept here: see CredentialStore.
class AppSettings
{
public:
    AppSettings();
    // For tests: settings in an INI file of their own.
    explicit AppSettings(const QString &iniFile);

    QUrl serverUrl() const;
    void setServerUrl(const QUrl &url);

    // The certificate authority the program trusts for the server, besides the system's (PEM file).
    QString caCertificateFile() const;
    void setCaCertificateFile(const QString &path);

    // "zh_CN" (default) or "en".
    QString language() const;
    void setLanguage(const QString &language);

    QString lastUsername() const;
    void setLastUsername(const QString &username);

    // The user whose session token is remembered in the keychain for the configured server; empty when none.
    QString rememberedUsername() const;
    void setRememberedUsername(const QString &username);

    QByteArray mainWindowGeometry() const;
    void setMainWindowGeometry(const QByteArray &geometry);

    void sync() { m_settings.sync(); }

    static QUrl defaultServerUrl();

private:
    QSettings m_settings;
};

} // namespace sunshine::app
