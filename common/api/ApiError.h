#pragma once

#include <QJsonObject>
#include <QString>
#include <exception>

namespace sunshine {

// Every error the API can answer, with its stable code (the wire name), HTTP status and Chinese message.
enum class ErrorCode
{
    MalformedJson,      // 400
    InvalidType,        // 400
    MissingField,       // 400
    UnknownField,       // 400
    TooLong,            // 400
    BadRequest,         // 400
    Unauthenticated,    // 401
    SessionExpired,     // 401
    InvalidCredentials, // 401
    Forbidden,          // 403
    AccountDisabled,    // 403
    NotFound,           // 404
    MethodNotAllowed,   // 405
    Conflict,           // 409
    UsernameTaken,      // 409
    VersionConflict,    // 409
    DuplicateCode,      // 409: a code already in use (e.g. a fund line's)
    InUse,              // 409: still used by records, cannot be removed
    PayloadTooLarge,    // 413
    ValidationFailed,   // 422
    WeakPassword,       // 422
    WrongPassword,      // 422
    AccountLocked,      // 423
    TooManyRequests,    // 429
    Internal,           // 500
    StoreUnavailable,   // 503
};

struct ErrorInfo
{
    const char *code;
    int httpStatus;
    const char16_t *message;
};

ErrorInfo errorInfo(ErrorCode code);
QString errorCodeName(ErrorCode code);
int httpStatusOf(ErrorCode code);
QString defaultMessage(ErrorCode code);

// An error that becomes {"error":{"code","message","field"}} with its status. Thrown by request handlers and
// validators; the server turns it into the answer and goes on serving.
class ApiError : public std::exception
{
public:
    explicit ApiError(ErrorCode code, QString message = {}, QString field = {});

    ErrorCode code() const { return m_code; }
    QString codeName() const { return errorCodeName(m_code); }
    int httpStatus() const { return httpStatusOf(m_code); }
    QString message() const { return m_message; }
    QString field() const { return m_field; }
    // Extra members placed beside code/message/field (e.g. "lockedUntil").
    QJsonObject details() const { return m_details; }
    ApiError &withDetail(const QString &key, const QJsonValue &value);

    QJsonObject toJson() const;
    const char *what() const noexcept override;

private:
    ErrorCode m_code;
    QString m_message;
    QString m_field;
    QJsonObject m_details;
    QByteArray m_what;
};

} // namespace sunshine
