#include "common/api/JsonReader.h"
#include "common/core/ChinaTime.h"
#include "common/portal/ComplaintType.h"
#include "server/api/Services.h"
#include "server/portal/PortalSite.h"
#include "server/portal/PublicRoutes.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

namespace {

constexpr int kMaxFiles = 3;
constexpr qint64 kMaxFileBytes = 2LL * 1024 * 1024;
const QString kPortalActorId = u"server:portal"_s;

// What the file's first bytes say it is: a photo or a PDF, nothing else.
QString sniffedType(const QByteArray &bytes)
{
    if (bytes.startsWith("\xFF\xD8\xFF"))
        return u"image/jpeg"_s;
    if (bytes.startsWith("\x89PNG\r\n\x1A\n"))
        return u"image/png"_s;
    if (bytes.startsWith("%PDF-"))
        return u"application/pdf"_s;
    return {};
}

struct Office
{
    QString unitId;
    QString unitPath;
    QString unitName;
    QString departmentId;
};

// The leading-group office that takes the complaint in: that of the county named, or the city's.
Office officeFor(Store &store, const QString &unitId)
{
    SqlQuery q(store, unitId.isEmpty()
                          ? u"SELECT o.id, o.path, o.name, d.id FROM org_units o JOIN departments d ON "
                            u"d.org_unit_id = o.id AND d.code = ? WHERE o.level = 1"_s
                          : u"SELECT o.id, o.path, o.name, d.id FROM org_units o JOIN departments d ON "
                            u"d.org_unit_id = o.id AND d.code = ? WHERE o.id = ? AND o.level <= 2"_s);
    q.bindText(QString::fromUtf16(portal::kOfficeDepartmentCode));
    if (!unitId.isEmpty())
        q.bindText(unitId.left(64));
    q.exec();
    if (!q.next())
        throw ApiError(ErrorCode::BadRequest, u"请选择受理的市或县（市、区）"_s, u"unit"_s);
    return {q.text(0), q.text(1), q.text(2), q.text(3)};
}

AuthSession portalActor(const Office &office)
{
    AuthSession s;
    s.userId = kPortalActorId;
    s.username = u"portal"_s;
    s.displayName = u"公众门户"_s;
    s.scope.userId = s.userId;
    s.scope.orgUnitId = office.unitId;
    s.scope.orgPath = office.unitPath;
    s.scope.roles = {Role::Clerk};
    return s;
}

// Stores one file of the form; its SHA-256 name.
QString storeFile(Services &services, const AuthSession &actor, const QJsonObject &file,
                  const QString &address)
{
    const QString data = file.value(u"data"_s).toString();
    if (data.size() > (kMaxFileBytes * 4) / 3 + 8)
        throw ApiError(ErrorCode::PayloadTooLarge, u"每个附件不能超过 2 MB"_s, u"files"_s);
    const auto decoded =
        QByteArray::fromBase64Encoding(data.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty())
        throw ApiError(ErrorCode::BadRequest, u"附件内容无法读取，请重新选择文件"_s, u"files"_s);
    const QByteArray bytes = decoded.decoded;
    if (bytes.size() > kMaxFileBytes)
        throw ApiError(ErrorCode::PayloadTooLarge, u"每个附件不能超过 2 MB"_s, u"files"_s);
    const QString type = sniffedType(bytes);
    if (type.isEmpty())
        throw ApiError(ErrorCode::BadRequest, u"附件只能是 JPG、PNG 照片或 PDF 文件"_s, u"files"_s);
    const QString sha =
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    const QJsonObject status = services.attachments.begin(actor, sha, bytes.size(), type);
    if (!status.value(u"complete"_s).toBool())
        services.attachments.append(actor, sha, status.value(u"received"_s).toInteger(),
                                    bytes.mid(status.value(u"received"_s).toInteger()), address);
    return sha;
}

} // namespace

void registerComplaintRoutes(Router &router, Services &services)
{
    const auto Public = Router::Access::Public;
    router.add(u"POST"_s, u"/api/v1/public/complaints"_s, Public, [&services](HttpRequest &req) {
        JsonReader in = JsonReader::fromBody(req.body);
        const bool anonymous = in.optionalBool(u"anonymous"_s).value_or(false);
        const QString name = in.optionalString(u"name"_s, 40).value_or(QString()).trimmed();
        const QString phone = in.optionalString(u"phone"_s, 20).value_or(QString()).trimmed();
        const QString category = in.requiredString(u"category"_s, 40);
        const QString subject = in.requiredString(u"subject"_s, 100).trimmed();
        const QString place = in.optionalString(u"place"_s, 80).value_or(QString()).trimmed();
        const QString content = in.requiredString(u"content"_s, 2000).trimmed();
        const QString unit = in.optionalString(u"unit"_s, 64).value_or(QString());
        const QJsonArray files = in.optionalArray(u"files"_s, kMaxFiles).value_or(QJsonArray());
        in.finish();
        if (subject.isEmpty())
            throw ApiError(ErrorCode::MissingField, u"请填写投诉事项"_s, u"subject"_s);
        if (content.isEmpty())
            throw ApiError(ErrorCode::MissingField, u"请填写投诉内容"_s, u"content"_s);

        const Office office = officeFor(services.store, unit);
        const AuthSession actor = portalActor(office);
        const QString recordId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString code = portal::complaintLookupCode(recordId);
        const qint64 now = services.clock.nowMs();
        QJsonObject fields{
            {u"channel"_s, u"portal"_s}, {u"anonymous"_s, anonymous},
            {u"category"_s, category},   {u"subject"_s, subject},
            {u"content"_s, content},     {u"receivedOn"_s, chinaDateOf(now).toString(Qt::ISODate)},
            {u"lookupCode"_s, code}};
        if (!anonymous) {
            fields.insert(u"complainantName"_s, name);
            if (!phone.isEmpty())
                fields.insert(u"complainantPhone"_s, phone);
        }
        if (!place.isEmpty())
            fields.insert(u"place"_s, place);
        // Checked before any file is kept: a form the rules refuse leaves nothing behind.
        {
            const auto &type = sync::RecordTypes::get<portal::ComplaintType>();
            for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
                if (const auto p = type.checkField(it.key(), it.value()))
                    throw ApiError(ErrorCode::ValidationFailed, p->message, it.key());
            }
            if (!anonymous && name.isEmpty())
                throw ApiError(ErrorCode::MissingField, u"实名投诉请填写姓名，或选择匿名投诉"_s, u"name"_s);
        }
        QJsonArray shas;
        for (const QJsonValue &f : files) {
            if (!f.isObject())
                throw ApiError(ErrorCode::InvalidType, u"附件格式不正确"_s, u"files"_s);
            shas.append(storeFile(services, actor, f.toObject(), req.peerAddress));
        }
        if (!shas.isEmpty())
            fields.insert(u"attachments"_s, shas);
        const QJsonObject op{{u"opId"_s, QString(u"portal-"_s + recordId)},
                             {u"recordId"_s, recordId},
                             {u"type"_s, QString::fromUtf16(portal::ComplaintType::kName)},
                             {u"orgUnitId"_s, office.unitId},
                             {u"departmentId"_s, office.departmentId},
                             {u"kind"_s, u"upsert"_s},
                             {u"baseVersion"_s, 0},
                             {u"changedFields"_s, fields},
                             {u"deviceTime"_s, now}};
        const QList<sync::OpResult> results = services.sync.push(actor, QJsonArray{op}, now, req.peerAddress);
        if (results.isEmpty() || results.first().status != sync::OpStatus::Applied) {
            const sync::OpResult r = results.value(0);
            throw ApiError(ErrorCode::ValidationFailed,
                           r.message.isEmpty() ? u"投诉未能登记，请稍后再试"_s : r.message, r.field);
        }
        HttpResponse answer = HttpResponse::json(
            QJsonObject{{u"code"_s, code},
                        {u"receivedOn"_s, fields.value(u"receivedOn"_s)},
                        {u"office"_s, QString(office.unitName + u"阳光扶贫工作领导小组办公室"_s)}},
            201);
        addPublicHeaders(answer);
        return answer;
    });

    router.add(u"GET"_s, u"/api/v1/public/complaints/{code}"_s, Public, [&services](HttpRequest &req) {
        const QString code = req.pathParams.value(u"code"_s).toUpper();
        if (!portal::isComplaintLookupCode(code))
            throw ApiError(ErrorCode::BadRequest, u"查询码应为 TS 加 8 位字母数字，例如 TS7K3M9P2A"_s,
                           u"code"_s);
        const std::optional<QJsonObject> fields =
            liveFieldsByKey(services.store, QString::fromUtf16(portal::ComplaintType::kName),
                            portal::ComplaintType::lookupKey(code));
        if (!fields)
            throw ApiError(ErrorCode::NotFound, u"没有查到该查询码对应的投诉，请核对后再试"_s, u"code"_s);
        QJsonObject answer = portal::ComplaintType::publicView(*fields);
        answer.insert(u"code"_s, code);
        HttpResponse r = HttpResponse::json(answer);
        addPublicHeaders(r);
        return r;
    });
}

} // namespace sunshine
