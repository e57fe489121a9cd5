#pragma once

#include "core/model/secretref.h"

#include <QWidget>
#include <optional>

class QComboBox;
class QLineEdit;

namespace weft {

/// One secret account field: where the secret lives — the OS keychain (type the value; it
/// goes to the keychain, the project keeps {"keychain": "weft/<key>"}), an environment
/// variable (type its name), or the reference already in the project.
class SecretField final : public QWidget
{
    Q_OBJECT
public:
    enum class Storage { Keep, Keychain, Environment };

    SecretField(const QString &keychainKey, const std::optional<SecretRef> &current,
                QWidget *parent = nullptr);

    Storage storage() const;
    void setStorage(Storage storage);
    /// The typed secret (keychain) or variable name (environment).
    QString text() const;
    void setText(const QString &text);
    /// What the project will hold; nullopt when nothing is set.
    std::optional<SecretRef> reference() const;
    /// The keychain key this field writes ("jst-app-secret").
    QString keychainKey() const { return m_key; }
    void setKeychainKey(const QString &key) { m_key = key; }
    /// A value to try the connection with before anything is saved (typed secret, or the
    /// variable's current value); empty when unknown.
    std::optional<SecretRef> testReference() const;
    void retranslate();

private:
    void updateEditor();

    QComboBox *m_storage;
    QLineEdit *m_text;
    QString m_key;
    std::optional<SecretRef> m_current;
};

} // namespace weft
