#include "common/api/ApiError.h"

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

ErrorInfo errorInfo(ErrorCode code)
{
    switch (code) {
    case ErrorCode::MalformedJson:
        return {"MALFORMED_JSON", 400, u"请求内容不是有效的 JSON"};
    case ErrorCode::InvalidType:
        return {"INVALID_TYPE", 400, u"字段类型不正确"};
    case ErrorCode::MissingField:
        return {"MISSING_FIELD", 400, u"缺少必填字段"};
    case ErrorCode::UnknownField:
        return {"UNKNOWN_FIELD", 400, u"请求中含有无法识别的字段"};
    case ErrorCode::TooLong:
        return {"TOO_LONG", 400, u"字段内容超过允许长度"};
    case ErrorCode::BadRequest:
        return {"BAD_REQUEST", 400, u"请求不正确"};
    case ErrorCode::Unauthenticated:
        return {"UNAUTHENTICATED", 401, u"请先登录"};
    case ErrorCode::SessionExpired:
        return {"SESSION_EXPIRED", 401, u"登录已过期或已注销，请重新登录"};
    case ErrorCode::InvalidCredentials:
        return {"INVALID_CREDENTIALS", 401, u"用户名或密码错误"};
    case ErrorCode::Forbidden:
        return {"FORBIDDEN", 403, u"没有权限执行此操作"};
    case ErrorCode::AccountDisabled:
        return {"ACCOUNT_DISABLED", 403, u"该账户已停用，请联系系统管理员"};
    case ErrorCode::NotFound:
        return {"NOT_FOUND", 404, u"请求的内容不存在"};
    case ErrorCode::MethodNotAllowed:
        return {"METHOD_NOT_ALLOWED", 405, u"该地址不支持此请求方法"};
    case ErrorCode::Conflict:
        return {"CONFLICT", 409, u"与现有数据冲突"};
    case ErrorCode::UsernameTaken:
        return {"USERNAME_TAKEN", 409, u"该用户名已被使用"};
    case ErrorCode::VersionConflict:
        return {"VERSION_CONFLICT", 409, u"该记录已被他人修改，请刷新后重试"};
    case ErrorCode::DuplicateCode:
        return {"DUPLICATE_CODE", 409, u"该编码已被使用"};
    case ErrorCode::InUse:
        return {"IN_USE", 409, u"仍有记录在使用，不能删除"};
    case ErrorCode::PayloadTooLarge:
        return {"PAYLOAD_TOO_LARGE", 413, u"请求内容过大"};
    case ErrorCode::ValidationFailed:
        return {"VALIDATION_FAILED", 422, u"输入内容不符合要求"};
    case ErrorCode::WeakPassword:
        return {"WEAK_PASSWORD", 422, u"密码强度不足"};
    case ErrorCode::WrongPassword:
        return {"WRONG_PASSWORD", 422, u"当前密码不正确"};
    case ErrorCode::AccountLocked:
        return {"ACCOUNT_LOCKED", 423, u"连续登录失败次数过多，账户已暂时锁定"};
    case ErrorCode::TooManyRequests:
        return {"TOO_MANY_REQUESTS", 429, u"请求过于频繁，请稍后再试"};
    case ErrorCode::Internal:
        return {"INTERNAL_ERROR", 500, u"服务器内部错误，请稍后重试；如持续出现请联系系统管理员"};
    case ErrorCode::StoreUnavailable:
        return {"STORE_UNAVAILABLE", 503, u"数据库暂时不可用，请稍后重试"};
    }
    return {"INTERNAL_ERROR", 500, u"服务器内部错误"};
}

QString errorCodeName(ErrorCode code)
{
    return QString::fromLatin1(errorInfo(code).code);
}

int httpStatusOf(ErrorCode code)
{
    return errorInfo(code).httpStatus;
}

QString defaultMessage(ErrorCode code)
{
    return QString::fromUtf16(errorInfo(code).message);
}

ApiError::ApiError(ErrorCode code, QString message, QString field)
    : m_code(code)
    , m_message(message.isEmpty() ? defaultMessage(code) : std::move(message))
    , m_field(std::move(field))
    , m_what(errorCodeName(code).toUtf8() + ": " + m_message.toUtf8())
{}

ApiError &ApiError::withDetail(const QString &key, const QJsonValue &value)
{
    m_details.insert(key, value);
    return *this;
}

QJsonObject ApiError::toJson() const
{
    QJsonObject error = m_details;
    error.insert(u"code"_s, codeName());
    error.insert(u"message"_s, m_message);
    if (!m_field.isEmpty())
        error.insert(u"field"_s, m_field);
    return QJsonObject{{u"error"_s, error}};
}

const char *ApiError::what() const noexcept
{
    return m_what.constData();
}

} // namespace sunshine
