"""Strings of sign-in and sign-out."""

STRINGS: dict[str, dict[str, str]] = {
    "auth.title": {"zh": "登录", "en": "Sign in"},
    "auth.username": {"zh": "用户名", "en": "User name"},
    "auth.password": {"zh": "密码", "en": "Password"},
    "auth.submit": {"zh": "登录", "en": "Sign in"},
    "auth.failed": {
        "zh": "用户名或密码不正确，或账户已被暂时锁定（连续输错5次锁定15分钟）。",
        "en": "Wrong user name or password, or the account is locked for a while "
        "(15 minutes after 5 failed attempts).",
    },
    "auth.hint": {
        "zh": "账户由系统管理员创建；忘记密码请联系管理员重置。",
        "en": "Accounts are created by the administrator; ask them to reset a forgotten password.",
    },
    "auth.denied": {"zh": "您的角色无权查看此页面。", "en": "Your role may not open this page."},
    "auth.denied_hint": {
        "zh": "如需访问，请联系系统管理员调整角色。",
        "en": "Ask an administrator if you need access.",
    },
    "auth.logout": {"zh": "退出", "en": "Sign out"},
    "auth.pw.link": {"zh": "修改密码", "en": "Change password"},
    "auth.pw.title": {"zh": "修改密码", "en": "Change your password"},
    "auth.pw.one_time": {
        "zh": "您正在使用一次性密码登录，请先设置自己的密码再继续。",
        "en": "You signed in with a one-time password; set your own password to continue.",
    },
    "auth.pw.lead": {
        "zh": "输入当前密码和新密码。",
        "en": "Enter your current and your new password.",
    },
    "auth.pw.current": {"zh": "当前密码", "en": "Current password"},
    "auth.pw.new": {"zh": "新密码", "en": "New password"},
    "auth.pw.repeat": {"zh": "再次输入新密码", "en": "New password again"},
    "auth.pw.submit": {"zh": "保存新密码", "en": "Save the new password"},
    "auth.pw.rule": {
        "zh": "新密码至少10位，须同时包含字母和数字，且不同于当前密码。",
        "en": "At least 10 characters with both letters and digits, different from the current one.",
    },
    "auth.pw.mismatch": {"zh": "两次输入的新密码不一致。", "en": "The two new passwords differ."},
    "auth.pw.weak": {
        "zh": "新密码不符合要求：至少10位，须同时包含字母和数字，且不同于当前密码。",
        "en": "The new password does not meet the rule: at least 10 characters, letters and "
        "digits, different from the current one.",
    },
    "auth.pw.wrong_current": {"zh": "当前密码不正确。", "en": "The current password is wrong."},
    "auth.role.admin": {"zh": "管理员", "en": "Administrator"},
    "auth.role.statistician": {"zh": "统计人员", "en": "Statistician"},
    "auth.role.leader": {"zh": "领导", "en": "Leader"},
    "auth.role.clerk": {"zh": "填报员", "en": "Clerk"},
}
