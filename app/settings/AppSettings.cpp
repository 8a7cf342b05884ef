#include "app/settings/AppSettings.h"

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

AppSettings::AppSettings() = default;

AppSettings::AppSettings(const QString &iniFile)
    : m_settings(iniFile, QSettings::IniFormat)
{}

QUrl AppSettings::defaultServerUrl()
{
    return QUrl(u"https://127.0.0.1:8443"_s);
}

QUrl AppSettings::serverUrl() const
{
    const QUrl url(m_settings.value(u"server/url"_s).toString());
    return url.isValid() && !url.isEmpty() ? url : defaultServerUrl();
}

void AppSettings::setServerUrl(const QUrl &url)
{
    m_settings.setValue(u"server/url"_s, url.toString());
}

QString AppSettings::caCertificateFile() const
{
    return m_settings.value(u"server/caCertificateFile"_s).toString();
}

void AppSettings::setCaCertificateFile(const QString &path)
{
    m_settings.setValue(u"server/caCertificateFile"_s, path);
}

QString AppSettings::language() const
{
    const QString l = m_settings.value(u"ui/language"_s).toString();
    return l == u"en"_s ? l : u"zh_CN"_s;
}

void AppSettings::setLanguage(const QString &language)
{
    m_settings.setValue(u"ui/language"_s, language);
}

QString AppSettings::lastUsername() const
{
    return m_settings.value(u"login/lastUsername"_s).toString();
}

void AppSettings::setLastUsername(const QString &username)
{
    m_settings.setValue(u"login/lastUsername"_s, username);
}

QString AppSettings::rememberedUsername() const
{
    return m_settings.value(u"login/rememberedUsername"_s).toString();
}

void AppSettings::setRememberedUsername(const QString &username)
{
    if (username.isEmpty())
        m_settings.remove(u"login/rememberedUsername"_s);
    else
        m_settings.setValue(u"login/rememberedUsername"_s, username);
}

QByteArray AppSettings::mainWindowGeometry() const
{
    return m_settings.value(u"ui/mainWindowGeometry"_s).toByteArray();
}

void AppSettings::setMainWindowGeometry(const QByteArray &geometry)
{
    m_settings.setValue(u"ui/mainWindowGeometry"_s, geometry);
}

} // namespace sunshine::app
