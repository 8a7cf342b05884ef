#include "app/secrets/CredentialStore.h"

#include <QPointer>
#include <qt6keychain/keychain.h>

namespace sunshine::app {

KeychainCredentialStore::KeychainCredentialStore(QString service)
    : m_service(std::move(service))
{}

namespace {
QString jobError(const QKeychain::Job *job)
{
    return job->error() == QKeychain::NoError ? QString() : job->errorString();
}
} // namespace

void KeychainCredentialStore::read(const QString &key, QObject *context, ReadCallback callback)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    QPointer<QObject> guard(context);
    QObject::connect(job, &QKeychain::Job::finished, context, [guard, callback](QKeychain::Job *j) {
        if (!guard)
            return;
        auto *r = static_cast<QKeychain::ReadPasswordJob *>(j);
        if (r->error() == QKeychain::EntryNotFound)
            callback(std::nullopt, {});
        else if (r->error() != QKeychain::NoError)
            callback(std::nullopt, jobError(r));
        else
            callback(r->textData(), {});
    });
    job->start();
}

void KeychainCredentialStore::write(const QString &key, const QString &secret, QObject *context,
                                    DoneCallback callback)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->setTextData(secret);
    QPointer<QObject> guard(context);
    QObject::connect(job, &QKeychain::Job::finished, context, [guard, callback](QKeychain::Job *j) {
        if (guard)
            callback(jobError(j));
    });
    job->start();
}

void KeychainCredentialStore::remove(const QString &key, QObject *context, DoneCallback callback)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    QPointer<QObject> guard(context);
    QObject::connect(job, &QKeychain::Job::finished, context, [guard, callback](QKeychain::Job *j) {
        if (!guard)
            return;
        auto *d = static_cast<QKeychain::DeletePasswordJob *>(j);
        callback(d->error() == QKeychain::EntryNotFound ? QString() : jobError(d));
    });
    job->start();
}

} // namespace sunshine::app
