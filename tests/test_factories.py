import pytest

from tests import factories


@pytest.mark.django_db
def test_every_factory_builds_a_valid_row():
    for factory in [
        factories.ContactFactory,
        factories.FundingFactory,
        factories.IndicatorValueFactory,
        factories.PartnerFactory,
        factories.MembershipFactory,
        factories.ActivityFactory,
        factories.NewsItemFactory,
        factories.KosovoFactory,
    ]:
        factory().full_clean()
