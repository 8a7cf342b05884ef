#include "server/access/Disclosure.h"

#include "server/http/JsonText.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace sunshine {

namespace {

void appendJsonValue(QByteArray &out, const QJsonValue &value)
{
    if (value.isString())
        appendJsonString(out, value.toString());
    else
        out += QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).chopped(1).mid(1);
}

const char *skipSpace(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
        ++p;
    return p;
}

// The end of the JSON string starting at p (on its opening quote), or null.
const char *skipString(const char *p, const char *end, bool *escaped)
{
    for (++p; p < end; ++p) {
        if (*p == '\\') {
            *escaped = true;
            ++p;
        } else if (*p == '"') {
            return p + 1;
        }
    }
    return nullptr;
}

// The end of the JSON value starting at p, or null.
const char *skipValue(const char *p, const char *end)
{
    int depth = 0;
    bool escaped = false;
    while (p < end) {
        const char c = *p;
        if (c == '"') {
            p = skipString(p, end, &escaped);
            if (!p)
                return nullptr;
        } else if (c == '{' || c == '[') {
            ++depth;
            ++p;
        } else if (c == '}' || c == ']') {
            if (depth == 0)
                return p;
            --depth;
            ++p;
        } else if (c == ',' && depth == 0) {
            return p;
        } else {
            ++p;
        }
        if (depth == 0 && (p >= end || *p == ',' || *p == '}' || *p == ']' || *p == ' '))
            return p;
    }
    return depth == 0 ? p : nullptr;
}

// Whether a raw JSON value holds something: not null, "", [] or {}.
bool rawHoldsSomething(QByteArrayView raw)
{
    const QByteArray compact = raw.toByteArray().simplified().replace(' ', QByteArray());
    return compact != "null" && compact != "\"\"" && compact != "[]" && compact != "{}";
}

QJsonValue parseRaw(QByteArrayView raw)
{
    // A plain string (the usual case: digits) is read directly; anything else through the JSON parser.
    if (raw.size() >= 2 && raw.startsWith('"') && !raw.contains('\\'))
        return QString::fromUtf8(raw.constData() + 1, raw.size() - 2);
    return QJsonDocument::fromJson('[' + raw.toByteArray() + ']').array().at(0);
}

} // namespace

Disclosure::Disclosure(const AuthSession &reader, QString route, QString reason)
    : m_session(reader)
    , m_route(std::move(route))
    , m_reason(std::move(reason))
{
    m_reader.roles = reader.scope.roles;
    m_reader.level = sync::orgLevelOfPath(reader.scope.orgPath);
    m_reader.reasonGiven = !m_reason.trimmed().isEmpty();
}

sync::Reader Disclosure::readerFor(const QString &departmentId) const
{
    sync::Reader r = m_reader;
    r.ownDepartment = !departmentId.isEmpty() && departmentId == m_session.scope.departmentId;
    return r;
}

const Disclosure::Plan &Disclosure::planFor(const QString &typeName, bool ownDepartment)
{
    const QString key = ownDepartment ? typeName + u"|own"_s : typeName;
    auto it = m_plans.find(key);
    if (it != m_plans.end())
        return *it;
    sync::Reader reader = m_reader;
    reader.ownDepartment = ownDepartment;
    Plan plan;
    plan.type = sync::RecordTypes::find(typeName);
    if (plan.type) {
        for (const sync::FieldSpec &spec : plan.type->fieldSpecs()) {
            if (!spec.personal && !spec.confidential)
                continue;
            const sync::FieldAccess access = sync::fieldAccess(spec, reader);
            const bool logged = access == sync::FieldAccess::Full && sync::handoutLogged(spec);
            if (access == sync::FieldAccess::Full && !logged)
                continue;
            plan.withholds = plan.withholds || access != sync::FieldAccess::Full;
            plan.items.append({'"' + spec.name.toUtf8() + '"', spec, access, logged});
        }
    }
    return *m_plans.insert(key, plan);
}

bool Disclosure::receivesAttachment(const QString &typeName, const QString &recordId,
                                    const QJsonObject &fields, const QString &departmentId,
                                    const QString &sha256)
{
    const sync::RecordType *type = sync::RecordTypes::find(typeName);
    if (!type)
        return false;
    for (const sync::FieldSpec &spec : type->fieldSpecs()) {
        if (spec.kind != sync::FieldKind::Attachments ||
            !fields.value(spec.name).toArray().contains(QJsonValue(sha256)))
            continue;
        if (sync::fieldAccess(spec, readerFor(departmentId)) != sync::FieldAccess::Full)
            continue;
        if (sync::handoutLogged(spec) || spec.personal) {
            sync::Handout handout;
            handout.add(spec);
            note(typeName, recordId, handout);
        }
        return true;
    }
    return false;
}

void Disclosure::note(const QString &typeName, const QString &recordId, const sync::Handout &handout)
{
    if (handout.any())
        m_handouts.append({typeName, recordId, handout});
}

void Disclosure::disclose(const QString &typeName, const QString &recordId, QJsonObject &fields,
                          const QString &departmentId)
{
    const sync::Reader reader = readerFor(departmentId);
    const Plan &plan = planFor(typeName, reader.ownDepartment);
    if (!plan.type || plan.items.isEmpty())
        return;
    sync::Handout handout;
    sync::discloseFields(*plan.type, fields, reader, &handout);
    note(typeName, recordId, handout);
}

void Disclosure::appendFields(QByteArray &out, const QString &typeName, const QString &recordId,
                              const QByteArray &stored, const QString &departmentId)
{
    const Plan &plan = planFor(typeName, readerFor(departmentId).ownDepartment);
    if (plan.items.isEmpty()) {
        out += stored.isEmpty() ? QByteArray("{}") : stored;
        return;
    }
    // Walk the top-level members; the fallback parses the whole text.
    const auto fallback = [&] {
        QJsonObject fields = QJsonDocument::fromJson(stored).object();
        disclose(typeName, recordId, fields, departmentId);
        out += QJsonDocument(fields).toJson(QJsonDocument::Compact);
    };
    const char *p = stored.constData();
    const char *const end = p + stored.size();
    p = skipSpace(p, end);
    if (p == end || *p != '{')
        return fallback();
    const qsizetype start = out.size();
    sync::Handout handout;
    out += '{';
    ++p;
    p = skipSpace(p, end);
    if (p < end && *p == '}') {
        out += '}';
        if (skipSpace(p + 1, end) == end)
            return;
        out.truncate(start);
        return fallback();
    }
    for (;;) {
        p = skipSpace(p, end);
        if (p == end || *p != '"')
            break;
        bool keyEscaped = false;
        const char *keyEnd = skipString(p, end, &keyEscaped);
        if (!keyEnd)
            break;
        const QByteArrayView key(p, keyEnd - p);
        p = skipSpace(keyEnd, end);
        if (p == end || *p != ':')
            break;
        p = skipSpace(p + 1, end);
        const char *valueEnd = skipValue(p, end);
        if (!valueEnd || valueEnd == p)
            break;
        const QByteArrayView raw(p, valueEnd - p);
        out += key;
        out += ':';
        const Item *item = nullptr;
        if (!keyEscaped) {
            for (const Item &candidate : plan.items) {
                if (QByteArrayView(candidate.key) == key) {
                    item = &candidate;
                    break;
                }
            }
        }
        if (!item) {
            out += raw;
        } else if (item->access == sync::FieldAccess::Full) {
            out += raw;
            if (item->logged && rawHoldsSomething(raw))
                handout.add(item->spec);
        } else {
            appendJsonValue(out, sync::disclosedValue(item->spec, parseRaw(raw), item->access));
        }
        p = skipSpace(valueEnd, end);
        if (p < end && *p == ',') {
            out += ',';
            ++p;
            continue;
        }
        if (p < end && *p == '}' && skipSpace(p + 1, end) == end) {
            out += '}';
            note(typeName, recordId, handout);
            return;
        }
        break;
    }
    out.truncate(start);
    fallback();
}

void Disclosure::log(Store &store, AuditLog &audit, const QString &address)
{
    if (m_handouts.isEmpty())
        return;
    QList<AuditEntry> entries;
    entries.reserve(m_handouts.size());
    for (const Entry &e : std::as_const(m_handouts)) {
        QJsonObject detail{{u"what"_s, QJsonArray::fromStringList(e.handout.what())}, {u"route"_s, m_route}};
        if (m_reader.reasonGiven)
            detail.insert(u"reason"_s, m_reason.trimmed());
        entries.append({m_session.userId, m_session.username, u"personal-data.handout"_s, e.type, e.recordId,
                        detail, address});
    }
    Transaction tx(store);
    audit.append(entries);
    tx.commit();
    m_handouts.clear();
}

} // namespace sunshine
