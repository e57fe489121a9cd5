#include "widgets/alerts/alertchanneldialog.h"

#include "core/model/secretref.h"
#include "core/util/envexpand.h"
#include "ui_alertchanneldialog.h"

#include <QEvent>
#include <QJsonDocument>
#include <QPushButton>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

namespace weft {

namespace {

const QStringList kTypes = {QStringLiteral("dingtalk"), QStringLiteral("wecom"),
                            QStringLiteral("webhook")};

bool isVariableName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    return re.match(name).hasMatch();
}

/// URL parameters that carry a robot's token or a signature: never literal in a project.
bool isSecretParameter(const QString &key)
{
    static const QStringList names = {
        QStringLiteral("access_token"), QStringLiteral("token"),  QStringLiteral("key"),
        QStringLiteral("secret"),       QStringLiteral("sign"),   QStringLiteral("signature"),
        QStringLiteral("password"),     QStringLiteral("apikey"), QStringLiteral("api_key")};
    return names.contains(key.toLower());
}

QStringList referencedVariables(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("\\$\\{([A-Za-z_][A-Za-z0-9_]*)"));
    QStringList names;
    for (auto it = re.globalMatch(text); it.hasNext();)
        names << it.next().captured(1);
    return names;
}

} // namespace

AlertChannelDialog::AlertChannelDialog(const QJsonObject &channel, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AlertChannelDialog>())
    , m_original(channel)
{
    setObjectName(QStringLiteral("alertChannelDialog"));
    m_ui->setupUi(this);
    for (const QString &type : kTypes)
        m_ui->type->addItem(QString(), type);
    m_ui->hint->setStyleSheet(QStringLiteral("color: #607d8b"));
    m_ui->stored->setStyleSheet(QStringLiteral("color: #607d8b"));
    m_ui->problem->setStyleSheet(QStringLiteral("color: #c62828"));
    m_ui->stored->setTextFormat(Qt::PlainText);
    m_ui->problem->setTextFormat(Qt::PlainText);

    const QString type = channel.value(QLatin1String("type")).toString(QStringLiteral("dingtalk"));
    setType(type);
    const QJsonValue address = channel.value(addressKey());
    if (const auto ref = SecretRef::fromJson(address); ref && ref->kind == SecretRef::Kind::Env) {
        setAddressFromVariable(true);
        setAddress(ref->key);
    } else {
        // A new channel starts with a variable; a plain or keychain reference is not shown,
        // it is to be replaced.
        setAddressFromVariable(channel.isEmpty());
        setAddress(address.toString());
    }
    if (const auto secret = SecretRef::fromJson(channel.value(QLatin1String("secret"))))
        setSecretVariable(secret->kind == SecretRef::Kind::Env ? secret->key : QString());

    connect(m_ui->type, &QComboBox::currentIndexChanged, this, &AlertChannelDialog::refresh);
    connect(m_ui->addressSource, &QComboBox::currentIndexChanged, this,
            &AlertChannelDialog::refresh);
    connect(m_ui->address, &QLineEdit::textChanged, this, &AlertChannelDialog::refresh);
    connect(m_ui->secretVariable, &QLineEdit::textChanged, this, &AlertChannelDialog::refresh);
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    retranslate();
}

AlertChannelDialog::~AlertChannelDialog() = default;

void AlertChannelDialog::setType(const QString &type)
{
    const int index = m_ui->type->findData(type);
    m_ui->type->setCurrentIndex(index < 0 ? 0 : index);
    refresh();
}

void AlertChannelDialog::setAddressFromVariable(bool variable)
{
    m_ui->addressSource->setCurrentIndex(variable ? 0 : 1);
    refresh();
}

void AlertChannelDialog::setAddress(const QString &text)
{
    m_ui->address->setText(text);
}

void AlertChannelDialog::setSecretVariable(const QString &name)
{
    m_ui->secretVariable->setText(name);
}

QString AlertChannelDialog::addressKey() const
{
    return m_ui->type->currentData().toString() == QLatin1String("webhook")
               ? QStringLiteral("url")
               : QStringLiteral("webhook");
}

QJsonObject AlertChannelDialog::channel() const
{
    QJsonObject c = m_original;
    const QString type = m_ui->type->currentData().toString();
    c.remove(QStringLiteral("url"));
    c.remove(QStringLiteral("webhook"));
    c.remove(QStringLiteral("secret"));
    c.insert(QStringLiteral("type"), type);
    const QString address = m_ui->address->text().trimmed();
    if (m_ui->addressSource->currentIndex() == 0)
        c.insert(addressKey(), SecretRef{SecretRef::Kind::Env, address}.toJson());
    else
        c.insert(addressKey(), address);
    const QString secret = m_ui->secretVariable->text().trimmed();
    if (type == QLatin1String("dingtalk") && !secret.isEmpty())
        c.insert(QStringLiteral("secret"), SecretRef{SecretRef::Kind::Env, secret}.toJson());
    return c;
}

QString AlertChannelDialog::typeTitle(const QString &type)
{
    if (type == QLatin1String("dingtalk"))
        return tr("DingTalk group robot");
    if (type == QLatin1String("wecom"))
        return tr("WeCom group robot");
    if (type == QLatin1String("webhook"))
        return tr("JSON webhook");
    return type;
}

QString AlertChannelDialog::describe(const QJsonValue &value)
{
    if (const auto ref = SecretRef::fromJson(value)) {
        switch (ref->kind) {
        case SecretRef::Kind::Env:
            return tr("variable %1").arg(ref->key);
        case SecretRef::Kind::Keychain:
            return tr("keychain %1 (not readable by alerts)").arg(ref->key);
        case SecretRef::Kind::Plain:
            return tr("plain text (hidden)");
        }
    }
    if (!value.isString())
        return {};
    // A literal token in an old file is not repeated on screen.
    QUrl url(value.toString());
    QUrlQuery query(url);
    bool masked = false;
    for (const auto &[key, v] : query.queryItems(QUrl::FullyDecoded)) {
        if (isSecretParameter(key) && !v.contains(QLatin1String("${"))) {
            query.removeAllQueryItems(key);
            query.addQueryItem(key, QStringLiteral("•••"));
            masked = true;
        }
    }
    if (!masked)
        return value.toString();
    url.setQuery(query);
    return url.toString(QUrl::PrettyDecoded);
}

QString AlertChannelDialog::addressProblem(const QString &type, const QJsonValue &address)
{
    if (const auto ref = SecretRef::fromJson(address)) {
        switch (ref->kind) {
        case SecretRef::Kind::Env:
            return isVariableName(ref->key)
                       ? QString()
                       : tr("“%1” is not a variable name (letters, digits and _).").arg(ref->key);
        case SecretRef::Kind::Keychain:
            return tr("Alerts cannot read the keychain (weft-run serve runs without a desktop "
                      "session): use an environment variable.");
        case SecretRef::Kind::Plain:
            return tr("The address is stored as plain text: use an environment variable.");
        }
    }
    const QString text = address.toString().trimmed();
    if (!address.isString() || text.isEmpty())
        return tr("Give the webhook's address, or the variable that holds it.");
    const EnvExpansion expanded =
        expandEnv(text, [](const QString &) { return QStringLiteral("x"); });
    if (!expanded.error.isEmpty())
        return tr("The address has a malformed ${…} reference: %1").arg(expanded.error);
    const bool robot = type != QLatin1String("webhook");
    if (robot && !text.contains(QLatin1String("${")))
        return tr("A robot's webhook carries its access token, a secret: write the token as "
                  "${VARIABLE}, or take the whole address from an environment variable.");
    const QUrl url(text);
    if (!text.startsWith(QLatin1String("${"))) {
        if (!url.isValid() ||
            (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
            return tr("The address is not an http:// or https:// URL.");
        if (!url.password().isEmpty() && !url.password().contains(QLatin1String("${")))
            return tr("The address holds a password: write it as ${VARIABLE}.");
    }
    for (const auto &[key, v] : QUrlQuery(url).queryItems(QUrl::FullyDecoded)) {
        if (isSecretParameter(key) && !v.isEmpty() && !v.contains(QLatin1String("${")))
            return tr("The URL parameter “%1” is a secret: write it as ${VARIABLE} and set the "
                      "variable where the project runs.")
                .arg(key);
    }
    return {};
}

void AlertChannelDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QDialog::changeEvent(event);
}

void AlertChannelDialog::retranslate()
{
    for (int i = 0; i < m_ui->type->count(); ++i)
        m_ui->type->setItemText(i, typeTitle(m_ui->type->itemData(i).toString()));
    // Qt ships no Chinese for its standard buttons here: name them ourselves.
    m_ui->buttons->button(QDialogButtonBox::Ok)->setText(tr("OK"));
    m_ui->buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    refresh();
}

void AlertChannelDialog::refresh()
{
    const QString type = m_ui->type->currentData().toString();
    const bool variable = m_ui->addressSource->currentIndex() == 0;
    const bool dingtalk = type == QLatin1String("dingtalk");
    m_ui->form->setRowVisible(m_ui->secretVariable, dingtalk);
    m_ui->addressLabel->setText(type == QLatin1String("webhook") ? tr("URL") : tr("Webhook"));
    if (variable) {
        m_ui->address->setPlaceholderText(dingtalk ? QStringLiteral("DINGTALK_ROBOT_URL")
                                          : type == QLatin1String("wecom")
                                              ? QStringLiteral("WECOM_ROBOT_URL")
                                              : QStringLiteral("OPS_WEBHOOK_URL"));
    } else {
        m_ui->address->setPlaceholderText(
            dingtalk ? QStringLiteral(
                           "https://oapi.dingtalk.com/robot/send?access_token=${DINGTALK_TOKEN}")
            : type == QLatin1String("wecom")
                ? QStringLiteral(
                      "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${WECOM_KEY}")
                : QStringLiteral("https://ops.example.com/weft"));
    }
    if (dingtalk)
        m_ui->hint->setText(tr("DingTalk: group settings → robots → add a custom robot. With "
                               "“加签” signing on, give the variable that holds its secret (SEC…); "
                               "Weft then adds timestamp and sign to every message."));
    else if (type == QLatin1String("wecom"))
        m_ui->hint->setText(tr("WeCom: group settings → add a group robot. Its webhook URL ends "
                               "in ?key=…, and that key is the secret."));
    else
        m_ui->hint->setText(tr("Weft POSTs a JSON object: the rule, scheme, run id, outcome, "
                               "counters and message."));

    const QJsonObject c = channel();
    m_problem = addressProblem(type, c.value(addressKey()));
    const QString secret = m_ui->secretVariable->text().trimmed();
    if (m_problem.isEmpty() && dingtalk && !secret.isEmpty() && !isVariableName(secret))
        m_problem = tr("“%1” is not a variable name (letters, digits and _).").arg(secret);

    QStringList variables;
    if (variable)
        variables << m_ui->address->text().trimmed();
    else
        variables << referencedVariables(m_ui->address->text());
    if (dingtalk && !secret.isEmpty())
        variables << secret;
    QStringList unset;
    for (const QString &name : std::as_const(variables)) {
        if (isVariableName(name) && !qEnvironmentVariableIsSet(name.toLocal8Bit().constData()))
            unset << name;
    }
    QString stored = tr("The project holds: %1")
                         .arg(QString::fromUtf8(QJsonDocument(c).toJson(QJsonDocument::Compact)));
    if (!unset.isEmpty())
        stored += u'\n' + tr("Not set in this session: %1 — set it where weft-run serve runs "
                             "(and here, to send a test alert).")
                              .arg(unset.join(QStringLiteral(", ")));
    m_ui->stored->setText(stored);
    m_ui->problem->setText(m_problem);
    m_ui->problem->setVisible(!m_problem.isEmpty());
    m_ui->buttons->button(QDialogButtonBox::Ok)->setEnabled(m_problem.isEmpty());
}

} // namespace weft
