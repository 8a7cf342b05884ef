#include "server/accounts/PasswordHasher.h"

#include <QUuid>
#include <sodium.h>
#include <stdexcept>

namespace sunshine {

PasswordHasher::Cost PasswordHasher::interactive()
{
    return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

PasswordHasher::Cost PasswordHasher::minimum()
{
    return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

bool PasswordHasher::initialise()
{
    return sodium_init() >= 0;
}

PasswordHasher::PasswordHasher(Cost cost)
    : m_cost(cost)
{
    if (!initialise())
        throw std::runtime_error("libsodium cannot be initialised");
    m_dummy = hash(QUuid::createUuid().toString());
}

QByteArray PasswordHasher::hash(const QString &password) const
{
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, utf8.constData(), static_cast<unsigned long long>(utf8.size()),
                              m_cost.opsLimit, m_cost.memLimitBytes, crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw std::runtime_error("out of memory while hashing a password");
    return QByteArray(out);
}

bool PasswordHasher::verify(const QByteArray &encoded, const QString &password) const
{
    const QByteArray utf8 = password.toUtf8();
    return crypto_pwhash_str_verify(encoded.constData(), utf8.constData(),
                                    static_cast<unsigned long long>(utf8.size())) == 0;
}

const QByteArray &PasswordHasher::dummyHash() const
{
    return m_dummy;
}

} // namespace sunshine
