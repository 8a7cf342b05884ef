#include "server/cli/ServerOptions.h"

#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

ServerOptions::ServerOptions(const QCommandLineParser &parser)
    : m_parser(parser)
{}

bool ServerOptions::load(const QStringList &knownKeys, QString *error)
{
    m_file =
        m_parser.isSet(u"config"_s) ? m_parser.value(u"config"_s) : qEnvironmentVariable("SUNSHINE_CONFIG");
    if (m_file.isEmpty())
        return true;
    const QFileInfo info(m_file);
    if (!info.isFile() || !info.isReadable()) {
        *error = u"配置文件 %1 不存在或无法读取"_s.arg(m_file);
        return false;
    }
    m_settings = std::make_unique<QSettings>(m_file, QSettings::IniFormat);
    if (m_settings->status() != QSettings::NoError) {
        *error = u"配置文件 %1 格式有误（应为 INI：每行“选项名=值”）"_s.arg(m_file);
        return false;
    }
    const QStringList keys = m_settings->allKeys();
    for (const QString &key : keys) {
        if (key.contains(u"password"_s, Qt::CaseInsensitive) && key != u"database-password-file"_s) {
            *error =
                u"配置文件中不能写数据库密码（%1）：请用 database-password-file 指定密码文件，或环境变量 "
                u"SUNSHINE_DB_PASSWORD"_s.arg(key);
            return false;
        }
        if (!knownKeys.contains(key)) {
            *error = u"配置文件中有无法识别的选项“%1”"_s.arg(key.left(60));
            return false;
        }
    }
    return true;
}

bool ServerOptions::isSet(const QString &name) const
{
    if (m_parser.isSet(name))
        return true;
    if (!m_settings || !m_settings->contains(name))
        return false;
    const QString v = m_settings->value(name).toString().trimmed().toLower();
    // A flag is set by true/yes/on/1; an option with a value by any value.
    if (v == u"false"_s || v == u"no"_s || v == u"off"_s || v == u"0"_s)
        return false;
    return !v.isEmpty();
}

QString ServerOptions::value(const QString &name) const
{
    if (m_parser.isSet(name) || !m_settings || !m_settings->contains(name))
        return m_parser.value(name);
    return m_settings->value(name).toString();
}

} // namespace sunshine
