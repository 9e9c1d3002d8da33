from allauth.account.adapter import DefaultAccountAdapter
from django.urls import translate_url
from django.utils import translation


class AccountAdapter(DefaultAccountAdapter):
    """Sends people to the site in their preferred language once they log in."""

    def get_login_redirect_url(self, request):
        url = super().get_login_redirect_url(request)
        return translate_url(url, request.user.preferred_language)

    def save_user(self, request, user, form, commit=True):
        # A new account starts in the language the person signed up in.
        user.preferred_language = translation.get_language() or "en"
        return super().save_user(request, user, form, commit=commit)
