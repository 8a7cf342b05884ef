#pragma once

#include <QObject>
#include <QString>
#include <functional>
#include <optional>

namespace sunshine::app {

// Where secrets live: the system keychain in the program (QtKeychain), a fake in tests. Asynchronous, because
// keychains may ask the user. The callback runs on the caller's thread, and not at all once `context` is
// gone.
class CredentialStore
{
public:
    virtual ~CredentialStore() = default;

    using ReadCallback = std::function<void(std::optional<QString> secret, QString error)>;
    using DoneCallback = std::function<void(QString error)>;

    virtual void read(const QString &key, QObject *context, ReadCallback callback) = 0;
    virtual void write(const QString &key, const QString &secret, QObject *context,
                       DoneCallback callback) = 0;
    virtual void remove(const QString &key, QObject *context, DoneCallback callback) = 0;

    // The key of a session token: one per server and user.
    static QString tokenKey(const QString &serverUrl, const QString &username)
    {
        return QStringLiteral("session-token|") + serverUrl + QLatin1Char('|') + username;
    }
};

// The system keychain (Windows Credential Manager, macOS Keychain, Secret Service on Linux), never a plain
// file.
class KeychainCredentialStore final : public CredentialStore
{
public:
    explicit KeychainCredentialStore(QString service = QStringLiteral("Sunshine+"));
    void read(const QString &key, QObject *context, ReadCallback callback) override;
    void write(const QString &key, const QString &secret, QObject *context, DoneCallback callback) override;
    void remove(const QString &key, QObject *context, DoneCallback callback) override;

private:
    QString m_service;
};

} // namespace sunshine::app
