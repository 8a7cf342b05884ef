#pragma once

#include "app/secrets/CredentialStore.h"

#include <QHash>
#include <QMetaObject>
#include <QPointer>

namespace sunshine::app {

// A credential store in memory, for tests: same interface and asynchronous behaviour as the keychain.
class MemoryCredentialStore final : public CredentialStore
{
public:
    void read(const QString &key, QObject *context, ReadCallback callback) override
    {
        const std::optional<QString> value =
            m_secrets.contains(key) ? std::optional<QString>(m_secrets.value(key)) : std::nullopt;
        QMetaObject::invokeMethod(
            context, [callback, value] { callback(value, {}); }, Qt::QueuedConnection);
    }
    void write(const QString &key, const QString &secret, QObject *context, DoneCallback callback) override
    {
        m_secrets.insert(key, secret);
        QMetaObject::invokeMethod(
            context, [callback] { callback({}); }, Qt::QueuedConnection);
    }
    void remove(const QString &key, QObject *context, DoneCallback callback) override
    {
        m_secrets.remove(key);
        QMetaObject::invokeMethod(
            context, [callback] { callback({}); }, Qt::QueuedConnection);
    }
    const QHash<QString, QString> &secrets() const { return m_secrets; }

private:
    QHash<QString, QString> m_secrets;
};

} // namespace sunshine::app
