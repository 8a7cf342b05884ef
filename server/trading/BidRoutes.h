#pragma once

#include "common/auth/Scope.h"
#include "common/core/Money.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace sunshine {

class Router;
struct Services;

// 竞价 (MODULES.md §3): a bid is never entered offline. The server takes it, stamps it with its own time and
// the one who recorded it, and checks it against the listing as stored at that moment: the listing is
// bidding, the registration is this listing's and qualified, and the amount reaches the start price (the
// first bid) or the highest bid plus the step. The bid is a step appended to the listing through the ordinary
// push, as the server's bid actor ("server:bid:<user id>", trading::kBidActorPrefix) with the area and roles
// of the user it records it for: the push locks the listing (PostgreSQL), so two bids for the same listing
// take turns and the second is judged against the first, also across server processes.
//
// Today the trading centre's staff record the bids they take at the centre (the route below); the bidders'
// own online bids through the public portal will call place() with the same rules.
class BidService
{
public:
    explicit BidService(Services &services)
        : m_services(services)
    {}

    // A listing as stored.
    struct Listing
    {
        QString id;
        QString orgUnitId;
        QString orgPath;
        QString departmentId;
        qint64 version = 0;
        QJsonObject fields;
    };

    // The listing, when `scope` may read it; NOT_FOUND otherwise (a listing outside the caller's area is as
    // good as missing).
    Listing load(const Scope &scope, const QString &listingId) const;

    // Records one bid of `amount` fen for the registration, taken for the user `actorUserId` (with `scope`,
    // that user's area and roles), each attempt in its own transaction. When another bid came first (a
    // version conflict), it reads the listing again and tries again, so the bid is judged against the new
    // highest bid. Returns the listing as stored after the bid (listingView()). Throws ApiError: NOT_FOUND,
    // the push's refusal with the rule's code and Chinese message (FORBIDDEN 403 for a bid the trading path
    // refuses, such as one below the lowest acceptable amount; VALIDATION_FAILED 422, ...), VERSION_CONFLICT
    // 409 when other bids kept coming first.
    QJsonObject place(const QString &listingId, const QString &registrationId, Fen amount,
                      const QString &actorUserId, const Scope &scope, const QString &address,
                      const QString &actorName = {}) const;

    // One attempt of place() in the caller's transaction (the demo loader): the listing as stored after the
    // bid, or nothing when another bid came first. Throws ApiError as place() does.
    std::optional<QJsonObject> placeWithin(const QString &listingId, const QString &registrationId,
                                           Fen amount, const QString &actorUserId, const Scope &scope,
                                           const QString &address, const QString &actorName = {}) const;

    // The bids of a listing `scope` may read, in the order the server took them:
    // {"listingId", "state", "highBid", "bids": [{"n", "at", "time", "registrationId", "amount", "by"}]}.
    QJsonObject bids(const Scope &scope, const QString &listingId) const;

    // What an answer says about a listing: its stored fields with "id", "version" and, while it is bidding,
    // "minimumNextBid".
    static QJsonObject listingView(const Listing &listing);

    // The server's bid actor for a user.
    static QString bidActorIdFor(const QString &userId);

private:
    Services &m_services;
};

// POST /api/v1/trading/listings/{id}/bids   clerks and reviewers of the listing's trading centre whose area
//                                           covers it: {"registrationId", "amount" (fen)}; 201 with
//                                           {"listing": the listing as stored after the bid}
// GET  /api/v1/trading/listings/{id}/bids   anyone whose area covers the listing: its bids in order
void registerBidRoutes(Router &router, BidService &bids);

} // namespace sunshine
