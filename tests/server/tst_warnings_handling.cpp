// The life of a warning from raised to closed as the owning department handles it (assign, reply, an outcome,
// review, close or return), what nobody may do to it, and its escalation when overdue: every step a push of
// a demo account over TLS, answered applied or refused with a stable code and a Chinese message.
#include "common/warnings/WarningWorkflow.h"
#include "tests/server/WarningsTest.h"

using namespace Qt::Literals::StringLiterals;
using namespace sunshine;
using namespace sunshine::test;
using namespace sunshine::test::warningstest;

class TestWarningHandling : public WarningsTest
{
    Q_OBJECT

private:
    // A new BENEFICIARY_DUPLICATE warning in kVillage raised on `day`; its id.
    QString raiseDuplicate(QDate day)
    {
        setChinaTime(day);
        const QString person = freshIdNumber();
        for (int i = 0; i < 2; ++i) {
            if (pay(kVillage, paymentFields(person, u"2026-05"_s, day.addDays(-1))).isEmpty())
                return {};
        }
        drain();
        const QString id = warnings::WarningType::recordIdFor(key(u"BENEFICIARY_DUPLICATE"_s, u"person"_s,
                                                                  rules::personSubjectId(person),
                                                                  personLine().code + u"/2026-05"_s));
        return version(id) == 1 ? id : QString();
    }

    static QJsonObject stepOf(const QString &action, const QJsonObject &more = {})
    {
        QJsonObject s{{u"action"_s, action}, {u"person"_s, u"张经办"_s}};
        for (auto it = more.constBegin(); it != more.constEnd(); ++it)
            s.insert(it.key(), it.value());
        return s;
    }

    Answer take(const QString &user, const QString &id, const QJsonObject &step, QJsonObject also = {})
    {
        QJsonArray steps = storedFields(id).value(u"steps"_s).toArray();
        steps.append(step);
        also.insert(u"steps"_s, steps);
        QJsonObject op = upsert(kWarning, id, kVillage, also);
        op.insert(u"departmentId"_s, kAgriculture);
        return pushOne(user, op);
    }

    QString state(const QString &id) { return storedFields(id).value(u"state"_s).toString(); }

private slots:
    void initTestCase() { startWithHouseholds(); }
    void cleanupTestCase() { stopServer(); }

    void raisedToClosed()
    {
        const QString id = raiseDuplicate(QDate(2026, 6, 15));
        QVERIFY(!id.isEmpty());
        QJsonObject w = storedFields(id);
        QCOMPARE(w.value(u"state"_s).toString(), u"new"_s);
        QCOMPARE(w.value(u"raisedOn"_s).toString(), u"2026-06-15"_s);
        // Reply in 5 working days, result in 10 (06-19 端午节).
        QCOMPARE(w.value(u"replyDueOn"_s).toString(), u"2026-06-23"_s);
        QCOMPARE(w.value(u"resultDueOn"_s).toString(), u"2026-06-30"_s);

        const QString invalid = u"VALIDATION_FAILED"_s;
        // Only reviewers assign; the assignee is named.
        EXPECT_OUTCOME(take(kTownClerk, id, stepOf(u"assign"_s, {{u"assignee"_s, u"李经办"_s}})), invalid,
                       u"steps"_s);
        EXPECT_OUTCOME(take(kTownReviewer, id, stepOf(u"assign"_s)), invalid, u"steps"_s);
        EXPECT_OUTCOME(take(kTownReviewer, id, stepOf(u"decide"_s)), invalid, u"steps"_s);
        EXPECT_APPLIED(take(kTownReviewer, id, stepOf(u"assign"_s, {{u"assignee"_s, u"李经办"_s}})));
        QCOMPARE(state(id), u"assigned"_s);
        QCOMPARE(storedFields(id).value(u"assignee"_s).toString(), u"李经办"_s);
        const QJsonObject stamped = storedFields(id).value(u"steps"_s).toArray().first().toObject();
        QCOMPARE(stamped.value(u"by"_s).toString(), userId(kTownReviewer));
        QCOMPARE(stamped.value(u"on"_s).toString(), u"2026-06-15"_s);

        setChinaTime(QDate(2026, 6, 16));
        EXPECT_APPLIED(take(kTownClerk, id, stepOf(u"reply"_s, {{u"note"_s, u"已签收"_s}})));
        QCOMPARE(state(id), u"verifying"_s);
        QCOMPARE(storedFields(id).value(u"repliedOn"_s).toString(), u"2026-06-16"_s);

        // An outcome needs its grounds.
        EXPECT_OUTCOME(take(kTownClerk, id, stepOf(u"decide"_s, {{u"outcome"_s, u"false-alarm"_s}})), invalid,
                       u"steps"_s);
        EXPECT_OUTCOME(
            take(kTownClerk, id,
                 stepOf(u"decide"_s, {{u"outcome"_s, u"corrected"_s}, {u"note"_s, u"已更正身份证号"_s}})),
            invalid, u"steps"_s);
        EXPECT_APPLIED(take(kTownReviewer, id,
                            stepOf(u"decide"_s, {{u"outcome"_s, u"false-alarm"_s},
                                                 {u"note"_s, u"两笔分属补发，有批复文件"_s}})));
        QCOMPARE(state(id), u"review"_s);
        QCOMPARE(storedFields(id).value(u"outcome"_s).toString(), u"false-alarm"_s);

        // Not reviewed by the one who decided, nor by a clerk; a return needs its reason.
        EXPECT_OUTCOME(take(kTownReviewer, id, stepOf(u"close"_s)), invalid, u"steps"_s);
        EXPECT_OUTCOME(take(kTownClerk, id, stepOf(u"close"_s)), invalid, u"steps"_s);
        EXPECT_OUTCOME(take(kCountyReviewer, id, stepOf(u"return"_s)), invalid, u"steps"_s);
        EXPECT_APPLIED(
            take(kCountyReviewer, id, stepOf(u"return"_s, {{u"note"_s, u"请附上补发批复文件"_s}})));
        QCOMPARE(state(id), u"verifying"_s);
        QVERIFY(!storedFields(id).contains(u"outcome"_s));
        EXPECT_APPLIED(take(kTownClerk, id,
                            stepOf(u"decide"_s, {{u"outcome"_s, u"rectifying"_s},
                                                 {u"note"_s, u"经核实重复发放，已责令追回"_s}})));
        EXPECT_APPLIED(take(kCountyReviewer, id, stepOf(u"close"_s)));
        QCOMPARE(state(id), u"closed"_s);
        QCOMPARE(storedFields(id).value(u"closedOn"_s).toString(), u"2026-06-16"_s);
        EXPECT_OUTCOME(take(kCountyReviewer, id, stepOf(u"assign"_s, {{u"assignee"_s, u"李经办"_s}})),
                       invalid, u"steps"_s);
        // A closed warning is not overdue and never escalates.
        setChinaTime(QDate(2026, 8, 3));
        fullRun();
        QVERIFY(!storedFields(id).contains(u"escalatedOn"_s));
    }

    void whatNobodyMayDo()
    {
        const QString id = raiseDuplicate(QDate(2026, 6, 22));
        QVERIFY(!id.isEmpty());
        const QString forbidden = u"FORBIDDEN"_s;
        // Made by hand.
        QJsonObject made = upsert(kWarning, newId(), kVillage,
                                  {{u"rule"_s, u"ENTRY_OVERDUE"_s},
                                   {u"severity"_s, u"red"_s},
                                   {u"subjectType"_s, u"village"_s},
                                   {u"subjectId"_s, kVillage},
                                   {u"summary"_s, u"手工预警"_s},
                                   {u"raisedOn"_s, u"2026-06-22"_s}});
        made.insert(u"departmentId"_s, kAgriculture);
        EXPECT_OUTCOME(pushOne(kTownReviewer, made), forbidden, u"rule"_s);
        // The finding changed.
        QJsonObject op = upsert(kWarning, id, kVillage, {{u"summary"_s, u"已改写"_s}});
        op.insert(u"departmentId"_s, kAgriculture);
        EXPECT_OUTCOME(pushOne(kTownReviewer, op), forbidden, u"summary"_s);
        // The history rewritten.
        EXPECT_APPLIED(take(kTownReviewer, id, stepOf(u"assign"_s, {{u"assignee"_s, u"李经办"_s}})));
        QJsonArray steps = storedFields(id).value(u"steps"_s).toArray();
        QJsonObject first = steps.first().toObject();
        first.insert(u"assignee"_s, u"别人"_s);
        steps[0] = first;
        op = upsert(kWarning, id, kVillage, {{u"steps"_s, steps}});
        op.insert(u"departmentId"_s, kAgriculture);
        EXPECT_OUTCOME(pushOne(kTownReviewer, op), forbidden, u"steps"_s);
        // Deleted.
        QJsonObject del = remove(kWarning, id, kVillage);
        del.insert(u"departmentId"_s, kAgriculture);
        EXPECT_OUTCOME(pushOne(kTownReviewer, del), forbidden, QString());
        // Leaders and supervisors read; they do not handle.
        EXPECT_OUTCOME(take(u"county-supervisor"_s, id, stepOf(u"reply"_s)), forbidden, QString());
        // Everyone of the area receives it; outside the area nobody does.
        QVERIFY(!pulled(u"county-supervisor"_s, id).isEmpty());
        QVERIFY(!pulled(kTownClerk, id).isEmpty());
        QCOMPARE(version(id), 2);
    }

    void overdueEscalates()
    {
        const QString id = raiseDuplicate(QDate(2026, 7, 1));
        QVERIFY(!id.isEmpty());
        QCOMPARE(storedFields(id).value(u"replyDueOn"_s).toString(), u"2026-07-08"_s);
        setChinaTime(QDate(2026, 7, 8)); // due today: not yet late
        fullRun();
        QVERIFY(!storedFields(id).contains(u"escalatedOn"_s));
        setChinaTime(QDate(2026, 7, 9));
        QVERIFY(fullRun().value(u"escalated"_s).toInteger() >= 1);
        QJsonObject w = storedFields(id);
        QCOMPARE(w.value(u"escalatedOn"_s).toString(), u"2026-07-09"_s);
        QCOMPARE(w.value(u"escalatedTo"_s).toString(), kCity); // the owner sits at the county
        const qint64 v = version(id);
        fullRun();
        QCOMPARE(version(id), v); // escalated once
    }

    // A red warning not yet copied to the 纪委 goes there once it is more than five working days past its
    // result date. Fund warnings are copied when raised, so the copy is taken off in the store to set the
    // scene.
    void redWarningFiveDaysLateGoesToDiscipline()
    {
        const QString id = raiseDuplicate(QDate(2026, 8, 3));
        QVERIFY(!id.isEmpty());
        QJsonObject f = storedFields(id);
        QCOMPARE(f.value(u"resultDueOn"_s).toString(), u"2026-08-17"_s);
        f.insert(u"disciplineCopy"_s, false);
        SqlQuery(m_server->store(), u"UPDATE records SET data = ? WHERE id = ?"_s)
            .bindText(QString::fromUtf8(QJsonDocument(f).toJson(QJsonDocument::Compact)))
            .bindText(id)
            .exec();
        setChinaTime(QDate(2026, 8, 24)); // 08-17 + 5 working days: still the day itself
        fullRun();
        QCOMPARE(storedFields(id).value(u"disciplineCopy"_s).toBool(), false);
        setChinaTime(QDate(2026, 8, 25));
        fullRun();
        QCOMPARE(storedFields(id).value(u"disciplineCopy"_s).toBool(), true);
    }

    void handlingDaysAreASetting()
    {
        setChinaTime(QDate(2026, 9, 1));
        HttpResult r =
            m_http->request("PUT", u"/api/v1/admin/warnings/handling"_s,
                            QJsonObject{{u"replyDays"_s, 3}, {u"resultDays"_s, 7}}, token(kCityAdmin));
        QCOMPARE(r.status, 200);
        r = m_http->request("PUT", u"/api/v1/admin/warnings/handling"_s,
                            QJsonObject{{u"replyDays"_s, 8}, {u"resultDays"_s, 7}}, token(kCityAdmin));
        QCOMPARE(r.status, 422);
        QVERIFY(isChinese(r.errorMessage()));
        const QString id = raiseDuplicate(QDate(2026, 9, 1));
        QVERIFY(!id.isEmpty());
        QCOMPARE(storedFields(id).value(u"replyDueOn"_s).toString(), u"2026-09-04"_s);
        QCOMPARE(storedFields(id).value(u"resultDueOn"_s).toString(), u"2026-09-10"_s);
        const HttpResult rules = m_http->get(u"/api/v1/warnings/rules"_s, token(kTownClerk));
        QCOMPARE(rules.json.value(u"handling"_s).toObject().value(u"replyDays"_s).toInt(), 3);
    }
};

QTEST_GUILESS_MAIN(TestWarningHandling)
#include "tst_warnings_handling.moc"
