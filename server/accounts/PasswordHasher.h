#pragma once

#include <QByteArray>
#include <QString>

namespace sunshine {

// Argon2id through libsodium. The encoded hash carries its own salt and cost, so costs can change over time.
class PasswordHasher
{
public:
    struct Cost
    {
        unsigned long long opsLimit;
        size_t memLimitBytes;
    };
    static Cost interactive(); // libsodium's interactive limits: the production default
    static Cost minimum();     // the smallest accepted cost, for tests that hash many passwords

    explicit PasswordHasher(Cost cost = interactive());

    QByteArray hash(const QString &password) const;
    bool verify(const QByteArray &encoded, const QString &password) const;
    // A hash of a random password, verified against when the user does not exist so timing reveals nothing.
    const QByteArray &dummyHash() const;

    static bool initialise(); // sodium_init(); false when libsodium cannot start

private:
    Cost m_cost;
    QByteArray m_dummy;
};

} // namespace sunshine
