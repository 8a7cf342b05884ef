#include "common/sync/StepHistory.h"

using namespace Qt::Literals::StringLiterals;

namespace sunshine::sync {

std::optional<FieldProblem> appendedSteps(const QJsonObject &fields, const QString &field,
                                          const RuleContext &context, QJsonArray *appended)
{
    const QJsonArray before = context.before ? context.before->value(field).toArray() : QJsonArray();
    const QJsonArray after = fields.value(field).toArray();
    if (after.size() < before.size())
        return RecordType::problem(field, u"办理记录不能删除"_s, u"FORBIDDEN"_s);
    for (qsizetype i = 0; i < before.size(); ++i) {
        if (after.at(i) != before.at(i))
            return RecordType::problem(field, u"已有的办理记录不能修改"_s, u"FORBIDDEN"_s);
    }
    if (appended) {
        *appended = QJsonArray();
        for (qsizetype i = before.size(); i < after.size(); ++i)
            appended->append(after.at(i));
    }
    return std::nullopt;
}

void stampAppendedSteps(QJsonObject &fields, const QString &field, const RuleContext &context)
{
    const qsizetype known = context.before ? context.before->value(field).toArray().size() : 0;
    QJsonArray steps = fields.value(field).toArray();
    for (qsizetype i = known; i < steps.size(); ++i) {
        QJsonObject s = steps.at(i).toObject();
        s.insert(u"on"_s, context.entryDay.toString(Qt::ISODate));
        if (context.actor)
            s.insert(u"by"_s, context.actor->userId);
        steps[i] = s;
    }
    if (!steps.isEmpty())
        fields.insert(field, steps);
}

} // namespace sunshine::sync
