#include "server/trading/BidRoutes.h"

#include "common/api/JsonReader.h"
#include "common/core/ChinaTime.h"
#include "common/sync/RecordType.h"
#include "common/trading/TradingTypes.h"
#include "server/api/Services.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

#include <array>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

namespace {

const QString kListing = QString::fromUtf16(trading::ListingType::kName);

// How often a bid is tried when other bids keep coming first.
constexpr int kAttempts = 6;

// The HTTP error of a push's refusal: the rule's code when it is one of the API's (FORBIDDEN 403,
// VALIDATION_FAILED 422, ...); any other code of a rule (INVALID_ID_NUMBER, DUPLICATE, ...) as
// VALIDATION_FAILED with the rule's code beside it ("rule").
ApiError refusal(const sync::OpResult &r)
{
    static constexpr std::array<ErrorCode, 11> kCodes{
        ErrorCode::Forbidden,       ErrorCode::NotFound,    ErrorCode::ValidationFailed,
        ErrorCode::MissingField,    ErrorCode::InvalidType, ErrorCode::TooLong,
        ErrorCode::UnknownField,    ErrorCode::BadRequest,  ErrorCode::Conflict,
        ErrorCode::VersionConflict, ErrorCode::Internal};
    const QString message = r.message.isEmpty() ? u"报价未能登记"_s : r.message;
    for (const ErrorCode code : kCodes) {
        if (errorCodeName(code) == r.code)
            return ApiError(code, message, r.field);
    }
    ApiError e(ErrorCode::ValidationFailed, message, r.field);
    if (!r.code.isEmpty())
        e.withDetail(u"rule"_s, r.code);
    return e;
}

QString centreName(OrgLevel centre)
{
    return centre == OrgLevel::County ? u"县农村产权交易中心"_s : u"乡镇农村产权交易服务站"_s;
}

} // namespace

QString BidService::bidActorIdFor(const QString &userId)
{
    return QString::fromUtf16(trading::kBidActorPrefix) + userId;
}

BidService::Listing BidService::load(const Scope &scope, const QString &listingId) const
{
    SqlQuery q(m_services.store, u"SELECT org_unit_id, org_path, department_id, version, data FROM records "
                                 u"WHERE id = ? AND type = ? AND deleted = 0"_s);
    q.bindText(listingId.left(64)).bindText(kListing).exec();
    if (!q.next() || !sync::readableBy(scope, kListing, q.text(1)))
        throw ApiError(ErrorCode::NotFound, u"挂牌项目不存在或不在您的管辖范围内"_s);
    Listing l;
    l.id = listingId.left(64);
    l.orgUnitId = q.text(0);
    l.orgPath = q.text(1);
    l.departmentId = q.text(2);
    l.version = q.int64(3);
    l.fields = QJsonDocument::fromJson(q.text(4).toUtf8()).object();
    return l;
}

QJsonObject BidService::listingView(const Listing &listing)
{
    QJsonObject view = listing.fields;
    view.insert(u"id"_s, listing.id);
    view.insert(u"version"_s, listing.version);
    const trading::ListingTerms terms = trading::ListingType::termsOf(listing.fields);
    const trading::ListingHandling h = trading::replayListing(
        trading::listingStepsFromJson(listing.fields.value(u"steps"_s).toArray()), terms);
    if (h.state == trading::ListingState::Bidding)
        view.insert(u"minimumNextBid"_s, trading::minimumNextBid(h, terms));
    return view;
}

std::optional<QJsonObject> BidService::placeWithin(const QString &listingId, const QString &registrationId,
                                                   Fen amount, const QString &actorUserId, const Scope &scope,
                                                   const QString &address, const QString &actorName) const
{
    const Listing listing = load(scope, listingId);
    // The stored path with the bid appended: the push's rules judge it against that path, and the server
    // stamps it with its day, its time ("at") and the one who recorded it.
    QJsonArray steps = listing.fields.value(u"steps"_s).toArray();
    steps.append(QJsonObject{{u"action"_s, trading::listingActionName(trading::ListingAction::Bid)},
                             {u"registrationId"_s, registrationId},
                             {u"amount"_s, amount}});
    const qint64 now = m_services.clock.nowMs();
    sync::Operation op;
    op.opId = u"bid-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    op.recordId = listing.id;
    op.type = kListing;
    op.orgUnitId = listing.orgUnitId;
    op.departmentId = listing.departmentId;
    op.baseVersion = listing.version;
    op.changedFields = QJsonObject{{u"steps"_s, steps}};
    op.deviceTimeMs = now;
    op.lastServerContactMs = now;
    // The server's bid actor for the user, with the user's area and roles.
    AuthSession actor;
    actor.userId = bidActorIdFor(actorUserId);
    actor.username = actorName.isEmpty() ? actorUserId : actorName;
    actor.scope = scope;
    actor.scope.userId = actor.userId;
    const QList<sync::OpResult> results =
        m_services.sync.pushWithin(actor, QJsonArray{op.toJson()}, now, address);
    if (results.isEmpty())
        throw ApiError(ErrorCode::Internal, u"报价未能登记，请稍后重试"_s);
    const sync::OpResult &r = results.first();
    if (r.status == sync::OpStatus::Conflict)
        return std::nullopt; // another bid came first
    if (r.status != sync::OpStatus::Applied)
        throw refusal(r);
    return listingView(load(scope, listingId));
}

QJsonObject BidService::place(const QString &listingId, const QString &registrationId, Fen amount,
                              const QString &actorUserId, const Scope &scope, const QString &address,
                              const QString &actorName) const
{
    for (int attempt = 1;; ++attempt) {
        Transaction tx(m_services.store);
        const std::optional<QJsonObject> placed =
            placeWithin(listingId, registrationId, amount, actorUserId, scope, address, actorName);
        if (placed) {
            tx.commit();
            return *placed;
        }
        // Another bid was stored meanwhile: this one is judged again against the listing as it is now.
        if (attempt >= kAttempts)
            throw ApiError(ErrorCode::VersionConflict,
                           u"同时报价的人较多，本次报价未能登记，请刷新后重新报价"_s);
    }
}

QJsonObject BidService::bids(const Scope &scope, const QString &listingId) const
{
    const Listing listing = load(scope, listingId);
    QJsonArray out;
    int n = 0;
    const QList<trading::ListingStep> steps =
        trading::listingStepsFromJson(listing.fields.value(u"steps"_s).toArray());
    for (const trading::ListingStep &s : steps) {
        if (s.action != trading::ListingAction::Bid)
            continue;
        out.append(QJsonObject{{u"n"_s, ++n},
                               {u"at"_s, s.atMs},
                               {u"time"_s, chinaDateTimeOf(s.atMs).toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s)},
                               {u"registrationId"_s, s.registrationId},
                               {u"amount"_s, s.amount},
                               {u"by"_s, s.byUserId}});
    }
    QJsonObject answer{{u"listingId"_s, listing.id},
                       {u"listingNo"_s, listing.fields.value(u"listingNo"_s)},
                       {u"state"_s, listing.fields.value(u"state"_s)},
                       {u"bids"_s, out}};
    if (listing.fields.contains(u"highBid"_s))
        answer.insert(u"highBid"_s, listing.fields.value(u"highBid"_s));
    return answer;
}

void registerBidRoutes(Router &router, BidService &bids)
{
    const auto auth = Router::Access::Authenticated;

    router.add(u"POST"_s, u"/api/v1/trading/listings/{id}/bids"_s, auth, [&bids](HttpRequest &req) {
        const AuthSession &session = req.session();
        if (!session.scope.hasRole(Role::Clerk) && !session.scope.hasRole(Role::Reviewer))
            throw ApiError(ErrorCode::Forbidden, u"竞价由交易中心的录入员或审核员登记"_s);
        JsonReader in = JsonReader::fromBody(req.body);
        const QString registrationId = in.requiredString(u"registrationId"_s, 64);
        const Fen amount = in.requiredInteger(u"amount"_s, 1, money::kMaxFen);
        in.finish();
        const QString listingId = req.pathParams.value(u"id"_s);
        // The staff of the listing's trading centre take its bids (a town's station or the county's centre).
        const BidService::Listing listing = bids.load(session.scope, listingId);
        const OrgLevel centre = trading::centreLevelOf(listing.fields.value(u"centreLevel"_s).toString());
        if (sync::orgLevelOfPath(session.scope.orgPath) != centre)
            throw ApiError(ErrorCode::Forbidden, u"该项目的竞价由%1的工作人员登记"_s.arg(centreName(centre)));
        const QJsonObject stored = bids.place(listingId, registrationId, amount, session.userId,
                                              session.scope, req.peerAddress, session.username);
        return HttpResponse::json(QJsonObject{{u"listing"_s, stored}}, 201);
    });

    router.add(u"GET"_s, u"/api/v1/trading/listings/{id}/bids"_s, auth, [&bids](HttpRequest &req) {
        return HttpResponse::json(bids.bids(req.session().scope, req.pathParams.value(u"id"_s)));
    });
}

} // namespace sunshine
